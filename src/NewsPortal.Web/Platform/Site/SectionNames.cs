using NewsPortal.Web.Platform.Localization;

namespace NewsPortal.Web.Platform.Site;

/// <summary>
/// A section's name in the reader's language: under /zh the Chinese name staff gave it (from the sections
/// <see cref="SectionNavCache"/> holds), else its name. Pages keep the English name they read with the article.
/// </summary>
public sealed class SectionNames(SectionNavCache sections)
{
    public async ValueTask<string> OfAsync(HttpContext context, string slug, string name)
    {
        if (!ReaderLanguage.Of(context).IsChinese)
        {
            return name;
        }

        var all = await sections.GetAsync(context.RequestAborted);
        return all.FirstOrDefault(s => s.Slug == slug)?.ChineseName is { Length: > 0 } chinese ? chinese : name;
    }
}
