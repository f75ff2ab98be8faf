using NewsPortal.Core.Policies;

namespace NewsPortal.Web.Features.Policies;

public static class PoliciesSetup
{
    public static IServiceCollection AddPolicyPages(this IServiceCollection services)
    {
        services.AddScoped<PolicyQueries>();
        services.AddScoped<PolicyEditor>();
        services.AddScoped<PolicyTranslationEditor>();
        services.AddScoped<PolicyPublishing>();
        return services;
    }

    public static IApplicationBuilder UsePolicyPages(this IApplicationBuilder app) => app.UseMiddleware<PolicyPageMiddleware>();
}
