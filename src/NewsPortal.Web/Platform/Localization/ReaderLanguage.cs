using System.Globalization;

namespace NewsPortal.Web.Platform.Localization;

/// <summary>
/// A language the reader pages are shown in, chosen by the address: English at the present addresses,
/// Simplified Chinese under /zh. <see cref="Code"/> is the BCP 47 tag pages declare (html lang, hreflang).
/// </summary>
/// <see cref="Name"/>, <see cref="Offer"/> and <see cref="StoryOffer"/> are in the language itself: they are shown to
/// readers who want it.
public sealed record ReaderLanguage(string Code, string Prefix, string Name, string Offer, string StoryOffer)
{
    public static readonly ReaderLanguage English = new("en", "", "English", "This page is available in", "Read this story in English:");

    public static readonly ReaderLanguage Chinese = new("zh-Hans", "/zh", "中文", "本页有中文版：", "阅读本文中文版：");

    public static IReadOnlyList<ReaderLanguage> All { get; } = [English, Chinese];

    public CultureInfo Culture => CultureInfo.GetCultureInfo(Code);

    public bool IsChinese => this == Chinese;

    /// <summary>The language of this request's pages (set by <see cref="LanguagePrefixMiddleware"/>); English when none was set.</summary>
    public static ReaderLanguage Of(HttpContext context) => context.Features.Get<ReaderLanguageFeature>()?.Language ?? English;

    /// <summary>The reader language for an article language tag ("zh-Hans" → Chinese), or null for one the interface has no translation for.</summary>
    public static ReaderLanguage? ForCode(string? code) =>
        All.FirstOrDefault(l => string.Equals(l.Code, code, StringComparison.OrdinalIgnoreCase));
}

/// <summary>The request's language and the path base the request came with, before the language prefix was taken off.</summary>
public sealed record ReaderLanguageFeature(ReaderLanguage Language, PathString OriginalPathBase);
