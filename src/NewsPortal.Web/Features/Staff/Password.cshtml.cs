using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using NewsPortal.Core.Staff;

namespace NewsPortal.Web.Features.Staff;

/// <summary>
/// Any staff member changes their own password, giving the current one. The change ends every other session of
/// the account (the security stamp changes) and keeps this one, without moving its absolute end.
/// </summary>
public sealed class PasswordModel(UserManager<StaffUser> users, SignInManager<StaffUser> signIn, ILogger<PasswordModel> log) : PageModel
{
    [BindProperty]
    public ChangePasswordInput Input { get; set; } = new();

    [TempData]
    public string? Notice { get; set; }

    public void OnGet()
    {
    }

    public async Task<IActionResult> OnPostAsync()
    {
        if (!ModelState.IsValid)
        {
            return Invalid();
        }

        var user = await users.GetUserAsync(User);
        if (user is null)
        {
            return Challenge();
        }

        var changed = await users.ChangePasswordAsync(user, Input.CurrentPassword, Input.NewPassword);
        if (!changed.Succeeded)
        {
            foreach (var error in changed.Errors)
            {
                ModelState.AddModelError(string.Empty, error.Code == "PasswordMismatch" ? "The current password is not correct." : error.Description);
            }

            log.LogWarning("Password change refused for account {AccountId}", user.Id);
            return Invalid();
        }

        await signIn.RefreshSignInAsync(user);
        log.LogInformation("Password changed for account {AccountId}", user.Id);
        Notice = "Your password is changed. Other devices signed in to this account have been signed out.";
        return RedirectToPage();
    }

    private PageResult Invalid()
    {
        Response.StatusCode = StatusCodes.Status400BadRequest;
        return Page();
    }
}

public sealed class ChangePasswordInput
{
    [Required(ErrorMessage = "Enter your current password.")]
    [DataType(DataType.Password)]
    [StringLength(200)]
    public string CurrentPassword { get; set; } = "";

    [Required(ErrorMessage = "Choose a new password.")]
    [DataType(DataType.Password)]
    [StringLength(200, MinimumLength = 12, ErrorMessage = "The new password needs at least 12 characters (a passphrase of several words is best) and at most 200.")]
    public string NewPassword { get; set; } = "";

    [Required(ErrorMessage = "Type the new password again.")]
    [DataType(DataType.Password)]
    [Compare(nameof(NewPassword), ErrorMessage = "The two new passwords are not the same.")]
    public string ConfirmPassword { get; set; } = "";
}
