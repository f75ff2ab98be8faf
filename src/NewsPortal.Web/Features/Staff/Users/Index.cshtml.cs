using System.Security.Claims;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using NewsPortal.Core.Activity;
using NewsPortal.Web.Platform.Security;

namespace NewsPortal.Web.Features.Staff.Users;

public sealed class IndexModel(StaffDirectory directory, ActivityLog activity) : PageModel
{
    public IReadOnlyList<StaffAccountRow> Accounts { get; private set; } = [];

    [TempData]
    public string? Notice { get; set; }

    public string? Error { get; private set; }

    public string CurrentUserId => User.FindFirstValue(ClaimTypes.NameIdentifier) ?? "";

    public async Task OnGetAsync() => Accounts = await directory.ListAsync(HttpContext.RequestAborted);

    public async Task<IActionResult> OnPostRoleAsync(string userId, string role)
    {
        var error = await directory.ChangeRoleAsync(userId, role, CurrentUserId);
        if (error is null)
        {
            var email = (await directory.ListAsync(HttpContext.RequestAborted)).FirstOrDefault(a => a.Id == userId)?.Email ?? userId;
            await activity.RecordAsync(User.Actor(), ActivityActions.RoleChanged, email, detail: $"now {role}", ct: HttpContext.RequestAborted);
        }

        return await Done(error, $"Role changed to {role}.");
    }

    public async Task<IActionResult> OnPostLanguageAsync(string userId, string? language) =>
        await Done(await directory.SetLanguageAsync(userId, language), "Language of the staff pages changed.");

    public async Task<IActionResult> OnPostLockAsync(string userId) =>
        await Done(await directory.SetLockedAsync(userId, locked: true, CurrentUserId), "Account locked: it can no longer sign in.");

    public async Task<IActionResult> OnPostUnlockAsync(string userId) =>
        await Done(await directory.SetLockedAsync(userId, locked: false, CurrentUserId), "Account unlocked.");

    private async Task<IActionResult> Done(string? error, string notice)
    {
        if (error is null)
        {
            Notice = notice;
            return RedirectToPage();
        }

        Error = error;
        Response.StatusCode = StatusCodes.Status400BadRequest;
        Accounts = await directory.ListAsync(HttpContext.RequestAborted);
        return Page();
    }
}
