using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using NewsPortal.Core.Consent;
using NewsPortal.Core.Staff;

namespace NewsPortal.Web.Features.Staff;

public sealed class SignInModel(SignInManager<StaffUser> signIn, ILogger<SignInModel> log) : PageModel
{
    [BindProperty]
    public SignInInput Input { get; set; } = new();

    [BindProperty(SupportsGet = true)]
    public string? ReturnUrl { get; set; }

    public void OnGet()
    {
    }

    public async Task<IActionResult> OnPostAsync()
    {
        if (!ModelState.IsValid)
        {
            return Page();
        }

        var result = await signIn.PasswordSignInAsync(Input.Email, Input.Password, isPersistent: false, lockoutOnFailure: true);
        if (result.Succeeded)
        {
            log.LogInformation("Staff sign-in succeeded");
            // Escaped to ASCII: a return address holding other characters cannot stand in a Location header.
            return LocalRedirect(Url.IsLocalUrl(ReturnUrl) ? LocalUrl.ForLocationHeader(ReturnUrl) : "/staff");
        }

        if (result.IsLockedOut)
        {
            log.LogWarning("Staff sign-in refused: account locked out");
            ModelState.AddModelError(string.Empty, "This account is locked after too many failed attempts. Try again in 15 minutes.");
        }
        else
        {
            log.LogWarning("Staff sign-in failed");
            ModelState.AddModelError(string.Empty, "The email or password is not correct.");
        }

        return Page();
    }
}

public sealed class SignInInput
{
    [Required(ErrorMessage = "Enter your email address.")]
    [EmailAddress(ErrorMessage = "Enter a valid email address.")]
    [StringLength(254)]
    public string Email { get; set; } = "";

    [Required(ErrorMessage = "Enter your password.")]
    [DataType(DataType.Password)]
    [StringLength(200)]
    public string Password { get; set; } = "";
}
