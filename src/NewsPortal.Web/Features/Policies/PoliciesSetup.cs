using Microsoft.AspNetCore.Mvc.RazorPages;
using NewsPortal.Core.Policies;
using NewsPortal.Web.Setup;

namespace NewsPortal.Web.Features.Policies;

public static class PoliciesSetup
{
    public static IServiceCollection AddPolicyPages(this IServiceCollection services)
    {
        services.AddScoped<PolicyQueries>();
        services.AddScoped<PolicyEditor>();
        services.AddScoped<PolicyPublishing>();
        // PostConfigure: the framework's own set-up of RazorPagesOptions replaces the conventions collection.
        services.PostConfigure<RazorPagesOptions>(options => options.Conventions.AuthorizeFolder("/Staff/Policies", StaffPolicies.Admin));
        return services;
    }

    public static IApplicationBuilder UsePolicyPages(this IApplicationBuilder app) => app.UseMiddleware<PolicyPageMiddleware>();
}
