using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.ApplicationModels;
using NewsPortal.Core.Staff;

namespace NewsPortal.Web.Platform.Security;

/// <summary>Authorization policy names used on staff pages.</summary>
public static class StaffPolicies
{
    public const string AnyStaff = "AnyStaff";
    public const string Newsroom = "Newsroom";
    public const string Inbox = "Inbox";
    public const string Admin = "Admin";

    /// <summary>
    /// Editors and administrators: the front page, sections, authors, tags and special topics, the newsroom's figures
    /// and the activity log. (Reporters write articles and use the media library, under <see cref="Newsroom"/>.)
    /// </summary>
    public const string Oversight = "Oversight";
}

/// <summary>
/// Which staff role may open which staff folder: the whole map, in one place. Every page under /Staff
/// needs a staff role; the folders below narrow it. A new staff folder is added here, nowhere else.
/// </summary>
public static class StaffAccess
{
    /// <summary>Staff folders (Razor Pages paths under the pages root) and the policy each needs.</summary>
    public static readonly IReadOnlyList<(string Folder, string Policy)> Folders =
    [
        ("/Staff", StaffPolicies.AnyStaff),
        ("/Staff/Articles", StaffPolicies.Newsroom),
        ("/Staff/Sections", StaffPolicies.Oversight),
        ("/Staff/Authors", StaffPolicies.Oversight),
        ("/Staff/Tags", StaffPolicies.Oversight),
        ("/Staff/Topics", StaffPolicies.Oversight),
        ("/Staff/Activity", StaffPolicies.Oversight),
        ("/Staff/Figures", StaffPolicies.Oversight),
        ("/Staff/Inbox", StaffPolicies.Inbox),
        ("/Staff/Media", StaffPolicies.Newsroom),
        ("/Staff/Policies", StaffPolicies.Admin),
        ("/Staff/Users", StaffPolicies.Admin),
        ("/Staff/Settings", StaffPolicies.Admin),
        ("/Staff/FrontPage", StaffPolicies.Oversight),
    ];

    /// <summary>Pages under /Staff that anyone may open.</summary>
    public static readonly IReadOnlyList<string> OpenPages = ["/Staff/SignIn"];

    public static AuthorizationBuilder AddStaffPolicies(this AuthorizationBuilder builder) => builder
        .AddPolicy(StaffPolicies.AnyStaff, p => p.RequireRole(StaffRoles.All))
        // Reporters are in the newsroom too; what they may do to an article is decided by ReviewRules in Core.
        .AddPolicy(StaffPolicies.Newsroom, p => p.RequireRole(StaffRoles.Admin, StaffRoles.Editor, StaffRoles.Reporter))
        .AddPolicy(StaffPolicies.Oversight, p => p.RequireRole(StaffRoles.Admin, StaffRoles.Editor))
        .AddPolicy(StaffPolicies.Inbox, p => p.RequireRole(StaffRoles.Admin, StaffRoles.Moderator))
        .AddPolicy(StaffPolicies.Admin, p => p.RequireRole(StaffRoles.Admin));

    public static PageConventionCollection AuthorizeStaffFolders(this PageConventionCollection conventions)
    {
        foreach (var (folder, policy) in Folders)
        {
            conventions.AuthorizeFolder(folder, policy);
        }

        foreach (var page in OpenPages)
        {
            conventions.AllowAnonymousToPage(page);
        }

        return conventions;
    }
}
