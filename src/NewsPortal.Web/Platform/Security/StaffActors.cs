using System.Security.Claims;
using NewsPortal.Core.Review;

namespace NewsPortal.Web.Platform.Security;

/// <summary>The signed-in member of staff as Core's rules see them.</summary>
public static class StaffActors
{
    public static StaffActor Actor(this ClaimsPrincipal user) => new(
        user.FindFirstValue(ClaimTypes.NameIdentifier) ?? "",
        user.DisplayName(),
        user.FindAll(ClaimTypes.Role).Select(c => c.Value).ToList());
}
