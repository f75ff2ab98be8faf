using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using NewsPortal.Core.Data;
using NewsPortal.Core.Staff;
using NewsPortal.Web.Platform.Localization;

namespace NewsPortal.Web.Features.Staff.Users;

/// <summary>A staff account as the users page lists it.</summary>
public sealed record StaffAccountRow(string Id, string Email, string DisplayName, string Role, bool Locked, DateTime CreatedAt, string Language = "en");

/// <summary>Listing staff accounts, changing their role and locking them out. Admins only.</summary>
public sealed class StaffDirectory(UserManager<StaffUser> users, NewsDbContext db, TimeProvider clock, ILogger<StaffDirectory> log)
{
    public async Task<IReadOnlyList<StaffAccountRow>> ListAsync(CancellationToken ct = default)
    {
        var now = clock.GetUtcNow();
        var accounts = await users.Users.AsNoTracking().OrderBy(u => u.DisplayName).ThenBy(u => u.Email).ToListAsync(ct);
        // Every account's roles in one query, rather than one query per account.
        var roles = (await db.UserRoles.AsNoTracking()
                .Join(db.Roles, ur => ur.RoleId, r => r.Id, (ur, r) => new { ur.UserId, r.Name })
                .ToListAsync(ct))
            .ToLookup(x => x.UserId, x => x.Name ?? "");
        return accounts.Select(user => new StaffAccountRow(
                user.Id, user.Email ?? "", user.DisplayName, string.Join(", ", roles[user.Id].Order(StringComparer.Ordinal)),
                user.LockoutEnd is { } end && end > now, user.CreatedAt, user.InterfaceLanguage))
            .ToList();
    }

    /// <summary>Puts an account in exactly one role. Returns an error, or null on success.</summary>
    public async Task<string?> ChangeRoleAsync(string userId, string role, string actingUserId)
    {
        if (!StaffRoles.All.Contains(role))
        {
            return $"Choose one of the roles: {string.Join(", ", StaffRoles.All)}.";
        }

        if (userId == actingUserId)
        {
            return "You cannot change your own role; ask another administrator.";
        }

        var user = await users.FindByIdAsync(userId);
        if (user is null)
        {
            return "That account no longer exists.";
        }

        var current = await users.GetRolesAsync(user);
        var removed = await users.RemoveFromRolesAsync(user, current.Where(r => r != role));
        var added = current.Contains(role) ? IdentityResult.Success : await users.AddToRoleAsync(user, role);
        if (!removed.Succeeded || !added.Succeeded)
        {
            return string.Join(" ", removed.Errors.Concat(added.Errors).Select(e => e.Description));
        }

        // Signed-in sessions pick up the new role when their cookie is next validated.
        await users.UpdateSecurityStampAsync(user);
        log.LogInformation("Staff account {UserId} moved to role {Role}", userId, role);
        return null;
    }

    /// <summary>
    /// Sets the language of an account's staff pages ("en" or "zh-Hans"). Its sessions show it from their next
    /// request, when the cookie's account check writes the principal again. Returns an error, or null on success.
    /// </summary>
    public async Task<string?> SetLanguageAsync(string userId, string? language)
    {
        if (!StaffLanguage.IsSupported(language))
        {
            return StaffAccounts.UnknownLanguage;
        }

        var user = await users.FindByIdAsync(userId);
        if (user is null)
        {
            return "That account no longer exists.";
        }

        user.InterfaceLanguage = language!;
        var saved = await users.UpdateAsync(user);
        if (!saved.Succeeded)
        {
            return string.Join(" ", saved.Errors.Select(e => e.Description));
        }

        log.LogInformation("Staff account {UserId} now sees the staff pages in {Language}", userId, language);
        return null;
    }

    /// <summary>Locks an account out (it cannot sign in) or lets it back in. Returns an error, or null on success.</summary>
    public async Task<string?> SetLockedAsync(string userId, bool locked, string actingUserId)
    {
        if (userId == actingUserId)
        {
            return "You cannot lock your own account.";
        }

        var user = await users.FindByIdAsync(userId);
        if (user is null)
        {
            return "That account no longer exists.";
        }

        var result = locked
            ? await LockAsync(user)
            : await users.SetLockoutEndDateAsync(user, null);
        if (!locked && result.Succeeded)
        {
            result = await users.ResetAccessFailedCountAsync(user);
        }

        if (!result.Succeeded)
        {
            return string.Join(" ", result.Errors.Select(e => e.Description));
        }

        log.LogInformation("Staff account {UserId} {Action}", userId, locked ? "locked" : "unlocked");
        return null;
    }

    private async Task<IdentityResult> LockAsync(StaffUser user)
    {
        var enabled = await users.SetLockoutEnabledAsync(user, true);
        if (!enabled.Succeeded)
        {
            return enabled;
        }

        var ended = await users.SetLockoutEndDateAsync(user, DateTimeOffset.MaxValue);
        return ended.Succeeded ? await users.UpdateSecurityStampAsync(user) : ended;
    }
}
