using System.Globalization;
using System.Security.Claims;

namespace NewsPortal.Web.Platform.Localization;

/// <summary>
/// The language of the staff pages, chosen per staff account (English or Simplified Chinese) and kept in
/// <c>StaffUser.InterfaceLanguage</c>. It travels in the sign-in cookie as a claim, which Identity writes whenever it
/// makes the principal (on sign-in and on every request's account check), so a change shows on the next request.
/// </summary>
public static class StaffLanguage
{
    public const string Claim = "newsportal:interface_language";

    /// <summary>The languages a member of staff may choose, each named in itself.</summary>
    public static IReadOnlyList<ReaderLanguage> Choices => ReaderLanguage.All;

    /// <summary>True for a language code the staff pages can be shown in ("en", "zh-Hans"); exact, as stored.</summary>
    public static bool IsSupported(string? code) => Choices.Any(l => string.Equals(l.Code, code, StringComparison.Ordinal));

    /// <summary>The language a signed-in member of staff chose; English when none is known.</summary>
    public static ReaderLanguage Of(ClaimsPrincipal user) =>
        user.Identity?.IsAuthenticated == true && ReaderLanguage.ForCode(user.FindFirstValue(Claim)) is { } chosen ? chosen : ReaderLanguage.English;

    /// <summary>The language this request's staff page is shown in (what <see cref="StaffLanguageMiddleware"/> set).</summary>
    public static ReaderLanguage Current =>
        ReaderLanguage.ForCode(CultureInfo.CurrentUICulture.Name) ?? ReaderLanguage.English;
}

/// <summary>
/// Shows a staff page in the language of the signed-in account: for requests under /staff, after authentication,
/// sets the request's culture to the account's choice. Pages before signing in stay English; reader pages keep the
/// language of their address.
/// </summary>
public sealed class StaffLanguageMiddleware(RequestDelegate next)
{
    public Task InvokeAsync(HttpContext context)
    {
        if (context.Request.Path.StartsWithSegments("/staff", StringComparison.OrdinalIgnoreCase)
            && StaffLanguage.Of(context.User) is var language && language != ReaderLanguage.English)
        {
            CultureInfo.CurrentCulture = language.Culture;
            CultureInfo.CurrentUICulture = language.Culture;
        }

        return next(context);
    }
}
