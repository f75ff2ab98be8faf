using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using NewsPortal.Core.Staff;
using NewsPortal.Web.Platform.Localization;

namespace NewsPortal.Web.Features.Staff;

/// <summary>
/// Any staff member chooses the language of their own staff pages (English or Chinese). The choice is stored with
/// the account and the sign-in is refreshed, so the next page is already in it, here and on every device.
/// </summary>
public sealed class AccountModel(UserManager<StaffUser> users, SignInManager<StaffUser> signIn, ILogger<AccountModel> log) : PageModel
{
    [BindProperty]
    public string? Language { get; set; }

    [TempData]
    public string? Notice { get; set; }

    public void OnGet() => Language = StaffLanguage.Of(User).Code;

    public async Task<IActionResult> OnPostAsync()
    {
        if (!StaffLanguage.IsSupported(Language))
        {
            ModelState.AddModelError(nameof(Language), StaffAccounts.UnknownLanguage);
            Language = StaffLanguage.Of(User).Code;
            Response.StatusCode = StatusCodes.Status400BadRequest;
            return Page();
        }

        var user = await users.GetUserAsync(User);
        if (user is null)
        {
            return Challenge();
        }

        user.InterfaceLanguage = Language!;
        var saved = await users.UpdateAsync(user);
        if (!saved.Succeeded)
        {
            throw new InvalidOperationException("The account's language could not be saved: " + string.Join(" ", saved.Errors.Select(e => e.Description)));
        }

        await signIn.RefreshSignInAsync(user);
        log.LogInformation("Staff pages language set to {Language} for account {AccountId}", Language, user.Id);
        Notice = "Your choice is saved: the staff pages are now in the language you chose.";
        return RedirectToPage();
    }
}
