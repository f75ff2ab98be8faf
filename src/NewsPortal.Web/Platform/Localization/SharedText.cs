namespace NewsPortal.Web.Platform.Localization;

/// <summary>
/// The reader interface's text, one resource for every reader page: SharedText.resx holds the English text (each
/// key is the English text itself), SharedText.zh-Hans.resx the Chinese. Views use it as T["…"] (see _ViewImports).
/// </summary>
public sealed class SharedText;
