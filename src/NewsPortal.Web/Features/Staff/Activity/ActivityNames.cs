using Microsoft.Extensions.Localization;
using NewsPortal.Core.Activity;
using NewsPortal.Web.Platform.Localization;

namespace NewsPortal.Web.Features.Staff.Activity;

/// <summary>
/// The name an activity is shown by. English pages show the action as it is stored ("published"); other languages
/// look it up as "published (activity)", a key of its own (the stored names differ from other texts only in case,
/// which resources cannot tell apart).
/// </summary>
public static class ActivityNames
{
    public static string Of(IStringLocalizer S, string action) =>
        StaffLanguage.Current == ReaderLanguage.English ? action : S[Key(action)].Value;

    public static string Key(string action) => action + " (activity)";

    /// <summary>
    /// What an entry is about: the newsroom's own subjects ("Site details", "Media item 12") in the page's language;
    /// an article's headline, an account or a page's key as stored.
    /// </summary>
    public static string Subject(IStringLocalizer S, string action, int? articleId, string subject) =>
        articleId is null && action is ActivityActions.SettingsChanged or ActivityActions.MediaDescribed ? S.Message(subject) : subject;

    /// <summary>
    /// An entry's detail: the newsroom's own words ("revision 3", "now Editor", "at its scheduled time") in the page's
    /// language; what staff wrote (comments, alt text, breaking news) as written.
    /// </summary>
    public static string Detail(IStringLocalizer S, string action, string detail)
    {
        if (detail.Length == 0 || StaffLanguage.Current == ReaderLanguage.English
            || action is not (ActivityActions.Created or ActivityActions.Edited or ActivityActions.Published
                or ActivityActions.RoleChanged or ActivityActions.AccountCreated or ActivityActions.PolicyChanged))
        {
            return detail;
        }

        // Stored in lower case ("revision 3"); the resources know the sentence's capitalised form.
        var capitalised = char.ToUpperInvariant(detail[0]) + detail[1..];
        var translated = S.Message(capitalised);
        return translated == capitalised ? detail : translated;
    }
}
