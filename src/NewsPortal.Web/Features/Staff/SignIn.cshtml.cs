using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using NewsPortal.Core.Activity;
using NewsPortal.Core.Consent;
using NewsPortal.Core.Review;
using NewsPortal.Core.Staff;

namespace NewsPortal.Web.Features.Staff;

public sealed class SignInModel(StaffSignIn signIn, ActivityLog activity, ILogger<SignInModel> log) : PageModel
{
    [BindProperty]
    public SignInInput Input { get; set; } = new();

    /// <summary>The one answer to every failed attempt, whatever the reason.</summary>
    public const string FailedMessage = "The email or password is not correct, or the account is locked. After five failed attempts an account is locked for 15 minutes.";

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

        // One answer for a wrong password, an unknown address and a locked account (see StaffSignIn); the log tells
        // them apart, by the account's id (never its address) and the client's address.
        var (outcome, user) = await signIn.PasswordSignInAsync(Input.Email, Input.Password, HttpContext.RequestAborted);
        var account = user?.Id ?? "(no such account)";
        var client = HttpContext.Connection.RemoteIpAddress?.ToString() ?? "unknown";
        switch (outcome)
        {
            case SignInOutcome.SignedIn:
                log.LogInformation("Staff sign-in succeeded for account {AccountId} from {ClientAddress}", account, client);
                await activity.RecordAsync(new StaffActor(user!.Id, user.UserName ?? "", []), ActivityActions.SignedIn, user.UserName ?? "", ct: HttpContext.RequestAborted);
                // Escaped to ASCII: a return address holding other characters cannot stand in a Location header.
                return LocalRedirect(Url.IsLocalUrl(ReturnUrl) ? LocalUrl.ForLocationHeader(ReturnUrl) : "/staff");
            case SignInOutcome.LockedOut:
                log.LogWarning("Staff sign-in refused: account locked out, account {AccountId} from {ClientAddress}", account, client);
                break;
            case SignInOutcome.NotAllowed:
                log.LogWarning("Staff sign-in refused: account not allowed to sign in, account {AccountId} from {ClientAddress}", account, client);
                break;
            default:
                log.LogWarning("Staff sign-in failed ({Reason}) for account {AccountId} from {ClientAddress}",
                    outcome == SignInOutcome.UnknownAccount ? "unknown account" : "wrong password", account, client);
                break;
        }

        ModelState.AddModelError(string.Empty, FailedMessage);
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
