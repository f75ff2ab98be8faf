namespace NewsPortal.Web.Platform.Localization;

/// <summary>
/// The staff pages' text, one resource for every staff page: StaffText.resx holds the English text (each key is the
/// English text itself, with {0}, {1}… where a message holds a number or a name), StaffText.zh-Hans.resx the
/// Chinese. Staff views use it as S["…"] (see Features/Staff/_ViewImports); messages made elsewhere (page models,
/// Core's rules) are translated where they are shown, by <see cref="StaffMessages"/>.
/// </summary>
public sealed class StaffText;
