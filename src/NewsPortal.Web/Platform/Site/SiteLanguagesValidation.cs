using Microsoft.Extensions.Options;
using NewsPortal.Core.Articles;

namespace NewsPortal.Web.Platform.Site;

/// <summary>Site:Languages may name only languages the interface is translated into, each once, and at least one.</summary>
public sealed class SiteLanguagesValidation : IValidateOptions<SiteOptions>
{
    public ValidateOptionsResult Validate(string? name, SiteOptions options)
    {
        if (options.Languages.Count == 0)
        {
            return ValidateOptionsResult.Fail("Site:Languages must name at least one language (en, zh-Hans).");
        }

        var unknown = options.Languages.Where(l => ArticleLanguage.Find(l) is null).ToList();
        if (unknown.Count > 0)
        {
            return ValidateOptionsResult.Fail($"Site:Languages holds {string.Join(", ", unknown)}; the languages available are {string.Join(", ", ArticleLanguage.Known)}.");
        }

        return options.Languages.Select(ArticleLanguage.Find).Distinct().Count() == options.Languages.Count
            ? ValidateOptionsResult.Success
            : ValidateOptionsResult.Fail("Site:Languages names a language twice.");
    }
}
