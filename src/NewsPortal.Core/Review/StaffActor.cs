using NewsPortal.Core.Staff;

namespace NewsPortal.Core.Review;

/// <summary>The member of staff asking for something: their account, name and roles.</summary>
public sealed record StaffActor(string Id, string Name, IReadOnlyCollection<string> Roles)
{
    /// <summary>Editors and administrators review, schedule, publish and unpublish.</summary>
    public bool CanPublish => Roles.Contains(StaffRoles.Editor) || Roles.Contains(StaffRoles.Admin);

    /// <summary>Reporters (and anyone else who cannot publish) write only their own drafts.</summary>
    public bool IsWriterOnly => !CanPublish;

    /// <summary>Who did something the site itself did (scheduled publishing, a sweep).</summary>
    public static readonly StaffActor System = new("", "system", [StaffRoles.Admin]);
}
