using Microsoft.Extensions.Localization;
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
}
