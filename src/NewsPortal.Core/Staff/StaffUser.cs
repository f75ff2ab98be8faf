using Microsoft.AspNetCore.Identity;

namespace NewsPortal.Core.Staff;

public class StaffUser : IdentityUser
{
    public string DisplayName { get; set; } = "";
    public DateTime CreatedAt { get; set; }
}

public static class StaffRoles
{
    public const string Admin = "Admin";
    public const string Editor = "Editor";
    public const string Moderator = "Moderator";

    public static readonly IReadOnlyList<string> All = [Admin, Editor, Moderator];
}
