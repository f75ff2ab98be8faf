using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using NewsPortal.Core.Activity;
using NewsPortal.Core.Staff;
using NewsPortal.Web.Platform.Security;

namespace NewsPortal.Web.Features.Staff.Users;

public sealed class CreateModel(ActivityLog activity, ILogger<CreateModel> log) : PageModel
{
    [BindProperty]
    public NewAccountInput Input { get; set; } = new();

    public void OnGet()
    {
    }

    public async Task<IActionResult> OnPostAsync()
    {
        if (!ModelState.IsValid)
        {
            return Page();
        }

        var errors = await StaffAccounts.CreateAsync(HttpContext.RequestServices, Input.Email.Trim(), Input.DisplayName, Input.Role, Input.Password, Input.Language);
        if (errors.Count > 0)
        {
            foreach (var error in errors)
            {
                ModelState.AddModelError(string.Empty, error);
            }

            return Page();
        }

        log.LogInformation("Staff account created in role {Role}", Input.Role);
        await activity.RecordAsync(User.Actor(), ActivityActions.AccountCreated, Input.Email.Trim(), detail: Input.Role, ct: HttpContext.RequestAborted);
        TempData["Notice"] = $"Account created for {Input.Email.Trim()} as {Input.Role}.";
        return RedirectToPage("Index");
    }
}

public sealed class NewAccountInput
{
    [Required(ErrorMessage = "Enter the email address the person signs in with.")]
    [EmailAddress(ErrorMessage = "Enter a valid email address.")]
    [StringLength(254)]
    public string Email { get; set; } = "";

    [Required(ErrorMessage = "Enter the person's name.")]
    [StringLength(100, ErrorMessage = "The name can be at most 100 characters.")]
    [Display(Name = "Name")]
    public string DisplayName { get; set; } = "";

    [Required]
    [RegularExpression("^(Admin|Editor|Moderator|Reporter)$", ErrorMessage = "Choose a role.")]
    public string Role { get; set; } = StaffRoles.Editor;

    /// <summary>The language of the person's staff pages; they can change it themselves.</summary>
    [Required(ErrorMessage = StaffAccounts.UnknownLanguage)]
    [RegularExpression("^(en|zh-Hans)$", ErrorMessage = StaffAccounts.UnknownLanguage)]
    public string Language { get; set; } = "en";

    [Required(ErrorMessage = "Choose an initial password.")]
    [DataType(DataType.Password)]
    [StringLength(200, MinimumLength = 12, ErrorMessage = "The password needs at least 12 characters (a passphrase of several words is best) and at most 200.")]
    public string Password { get; set; } = "";
}
