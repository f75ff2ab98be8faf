using Microsoft.AspNetCore.Identity;
using NewsPortal.Core.Staff;
using NewsPortal.Core.Text;
using NewsPortal.Web.Platform.Localization;

namespace NewsPortal.Web.Features.Staff;

/// <summary>Creating staff accounts, shared by the command line and the staff users page.</summary>
public static class StaffAccounts
{
    public static async Task EnsureRolesAsync(IServiceProvider services)
    {
        var roles = services.GetRequiredService<RoleManager<IdentityRole>>();
        foreach (var role in StaffRoles.All)
        {
            if (!await roles.RoleExistsAsync(role))
            {
                await roles.CreateAsync(new IdentityRole(role));
            }
        }
    }

    /// <summary>The one answer to a language the staff pages cannot be shown in.</summary>
    public const string UnknownLanguage = "Choose English or 中文 (Chinese) for the staff pages.";

    /// <summary>
    /// Creates a staff account in one role, its staff pages in <paramref name="language"/> ("en" or "zh-Hans").
    /// Returns the errors, or an empty list on success.
    /// </summary>
    public static async Task<IReadOnlyList<string>> CreateAsync(
        IServiceProvider services, string email, string displayName, string role, string password, string language = "en")
    {
        if (!StaffLanguage.IsSupported(language))
        {
            return [UnknownLanguage];
        }

        if (!StaffRoles.All.Contains(role))
        {
            return [$"Unknown role '{role}'. Use one of: {string.Join(", ", StaffRoles.All)}."];
        }

        if (PlainText.HasUnreadable(displayName))
        {
            return [PlainText.UnreadableError("The name")];
        }

        // The roles exist: start-up (PrepareDatabaseAsync, which the staff command runs too) makes them.
        var users = services.GetRequiredService<UserManager<StaffUser>>();
        var clock = services.GetRequiredService<TimeProvider>();
        var user = new StaffUser
        {
            UserName = email,
            Email = email,
            EmailConfirmed = true,
            DisplayName = PlainText.SingleLine(displayName) is { Length: > 0 } name ? name : email,
            CreatedAt = clock.GetUtcNow().UtcDateTime,
            InterfaceLanguage = language,
        };

        var created = await users.CreateAsync(user, password);
        if (!created.Succeeded)
        {
            return created.Errors.Select(e => e.Description).ToList();
        }

        var inRole = await users.AddToRoleAsync(user, role);
        return inRole.Succeeded ? [] : inRole.Errors.Select(e => e.Description).ToList();
    }
}
