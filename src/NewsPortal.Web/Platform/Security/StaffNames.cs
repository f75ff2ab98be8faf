using System.Security.Claims;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;
using NewsPortal.Core.Staff;
using NewsPortal.Web.Platform.Localization;

namespace NewsPortal.Web.Platform.Security;

/// <summary>
/// Staff are shown by the name they go by, not by their sign-in email: in the header, in notes, replies and
/// revisions. The name travels in the sign-in cookie as a claim, written whenever the principal is made.
/// </summary>
public static class StaffNames
{
    public const string DisplayNameClaim = "newsportal:display_name";

    /// <summary>The signed-in person's display name; the account name when the account has none.</summary>
    public static string DisplayName(this ClaimsPrincipal user) =>
        user.FindFirstValue(DisplayNameClaim) is { Length: > 0 } name ? name : user.Identity?.Name ?? "staff";
}

/// <summary>Adds the display name and the language of the staff pages to the claims Identity puts in the staff sign-in cookie.</summary>
public sealed class StaffClaimsPrincipalFactory(UserManager<StaffUser> users, RoleManager<IdentityRole> roles, IOptions<IdentityOptions> options)
    : UserClaimsPrincipalFactory<StaffUser, IdentityRole>(users, roles, options)
{
    protected override async Task<ClaimsIdentity> GenerateClaimsAsync(StaffUser user)
    {
        var identity = await base.GenerateClaimsAsync(user);
        if (!string.IsNullOrWhiteSpace(user.DisplayName))
        {
            identity.AddClaim(new Claim(StaffNames.DisplayNameClaim, user.DisplayName));
        }

        identity.AddClaim(new Claim(StaffLanguage.Claim, StaffLanguage.IsSupported(user.InterfaceLanguage) ? user.InterfaceLanguage : ReaderLanguage.English.Code));

        return identity;
    }
}
