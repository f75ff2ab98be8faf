using Microsoft.AspNetCore.Identity;

namespace NewsPortal.Core.Staff;

public class StaffUser : IdentityUser
{
    public string DisplayName { get; set; } = "";
    public DateTime CreatedAt { get; set; }

    /// <summary>True when this member of staff wants an email digest of new reader messages.</summary>
    public bool MessageDigest { get; set; }

    /// <summary>New messages received before this time have been in a digest (or came before the digest was chosen).</summary>
    public DateTime? DigestCoveredUntil { get; set; }

    /// <summary>The language the staff pages are shown in for this account: "en" or "zh-Hans".</summary>
    public string InterfaceLanguage { get; set; } = "en";
}

public static class StaffRoles
{
    public const string Admin = "Admin";
    public const string Editor = "Editor";
    public const string Moderator = "Moderator";

    /// <summary>Writes drafts and submits them for review; cannot publish, schedule or unpublish.</summary>
    public const string Reporter = "Reporter";

    public static readonly IReadOnlyList<string> All = [Admin, Editor, Moderator, Reporter];
}
