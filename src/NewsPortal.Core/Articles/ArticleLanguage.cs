namespace NewsPortal.Core.Articles;

/// <summary>
/// The languages an article can be written in, as BCP 47 tags: English and Simplified Chinese, the languages the
/// site's interface is translated into. The site's setting (Site:Languages) chooses which of them the newsroom offers.
/// </summary>
public static class ArticleLanguage
{
    public const string English = "en";
    public const string Chinese = "zh-Hans";

    /// <summary>The longest tag stored.</summary>
    public const int MaxLength = 16;

    public static IReadOnlyList<string> Known { get; } = [English, Chinese];

    /// <summary>The known tag <paramref name="value"/> names, in its canonical spelling ("zh-hans" → "zh-Hans"), or null.</summary>
    public static string? Find(string? value) =>
        string.IsNullOrWhiteSpace(value) ? null : Known.FirstOrDefault(k => k.Equals(value.Trim(), StringComparison.OrdinalIgnoreCase));

    public static bool IsChinese(string language) => language.StartsWith("zh", StringComparison.OrdinalIgnoreCase);

    /// <summary>The locale OpenGraph expects (language_TERRITORY): en_GB, zh_CN.</summary>
    public static string OpenGraphLocale(string language) => IsChinese(language) ? "zh_CN" : "en_GB";

    /// <summary>The news sitemap's news:language: an ISO 639 code, except zh-cn for Simplified Chinese.</summary>
    public static string NewsSitemapCode(string language) => IsChinese(language) ? "zh-cn" : "en";

    /// <summary>What a refusal says about an unknown language.</summary>
    public static string Unknown(string value) =>
        $"\"{value}\" is not a language articles can be written in (use {string.Join(" or ", Known)}).";
}
