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
        ("/Staff/Sections", StaffPolicies.Newsroom),
        ("/Staff/Authors", StaffPolicies.Newsroom),
        ("/Staff/Tags", StaffPolicies.Newsroom),
        ("/Staff/Topics", StaffPolicies.Newsroom),
        ("/Staff/Inbox", StaffPolicies.Inbox),
        ("/Staff/Media", StaffPolicies.Newsroom),
        ("/Staff/Policies", StaffPolicies.Admin),
        ("/Staff/Users", StaffPolicies.Admin),
        ("/Staff/Settings", StaffPolicies.Admin),
        ("/Staff/FrontPage", StaffPolicies.Newsroom),
    ];

    /// <summary>Pages under /Staff that anyone may open.</summary>
    public static readonly IReadOnlyList<string> OpenPages = ["/Staff/SignIn"];

    public static AuthorizationBuilder AddStaffPolicies(this AuthorizationBuilder builder) => builder
        .AddPolicy(StaffPolicies.AnyStaff, p => p.RequireRole(StaffRoles.All))
        .AddPolicy(StaffPolicies.Newsroom, p => p.RequireRole(StaffRoles.Admin, StaffRoles.Editor))
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
