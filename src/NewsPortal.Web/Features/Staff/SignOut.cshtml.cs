using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using NewsPortal.Core.Staff;

namespace NewsPortal.Web.Features.Staff;

/// <summary>
/// Signing out ends the session everywhere, not only in this browser: the account's security stamp changes, so
/// a copy of the cookie (another device, or a stolen one) fails its next check and opens nothing.
/// </summary>
public sealed class SignOutModel(SignInManager<StaffUser> signIn, UserManager<StaffUser> users, ILogger<SignOutModel> log) : PageModel
{
    public void OnGet()
    {
    }

    public async Task<IActionResult> OnPostAsync()
    {
        if (await users.GetUserAsync(User) is { } user)
        {
            await users.UpdateSecurityStampAsync(user);
        }

        await signIn.SignOutAsync();
        log.LogInformation("Staff signed out");
        return Redirect("/");
    }
}
