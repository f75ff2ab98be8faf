namespace NewsPortal.Web.Platform.Forms;

/// <summary>
/// The rules every posted form is held to, by Razor Pages (<see cref="NulInFormFilter"/>) and by the pages
/// middleware answers (<see cref="MiddlewarePages.MiddlewarePage.ReadFormAsync"/>) alike: no NUL character in
/// any key, value or file name. ASP.NET Core refuses one in a urlencoded form itself; this holds multipart forms
/// to the same rule. No browser sends one, no text the site keeps may hold one, and PostgreSQL refuses it.
/// </summary>
public static class FormRules
{
    public static bool HoldsNul(IFormCollection form) =>
        form.Any(field => field.Key.Contains('\0', StringComparison.Ordinal) || field.Value.Any(v => v?.Contains('\0', StringComparison.Ordinal) == true))
        || form.Files.Any(file => file.FileName.Contains('\0', StringComparison.Ordinal) || file.Name.Contains('\0', StringComparison.Ordinal));
}
