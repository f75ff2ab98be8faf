using NewsPortal.Web.Features.Consent;
using NewsPortal.Web.Features.Feeds;
using NewsPortal.Web.Features.Messages;
using NewsPortal.Web.Features.Policies;
using NewsPortal.Web.Features.Staff;
using NewsPortal.Web.Features.Staff.Articles;
using NewsPortal.Web.Features.Topics;
using NewsPortal.Web.Platform.Caching;
using NewsPortal.Web.Platform.Health;
using NewsPortal.Web.Platform.Localization;
using NewsPortal.Web.Platform.ScaleOut;
using NewsPortal.Web.Platform.Security;
using Serilog;

namespace NewsPortal.Web.Setup;

public static class Pipeline
{
    /// <summary>The request pipeline, in order.</summary>
    public static WebApplication UseNewsPortal(this WebApplication app)
    {
        app.UseForwardedHeadersFromProxies();
        app.UseReaderLanguages();
        if (!app.Environment.IsDevelopment())
        {
            app.UseExceptionHandler("/error");
        }

        app.UseStatusCodePagesWithReExecute("/error/{0}");
        app.UseSecurityHeaders();
        app.UseResponseCompression();
        app.UseStaticAssets();
        app.UseNewsroom();
        app.UseNewsPortalRequestLogging();
        app.UseRouting();
        app.UseUnexpectedMethodRefusal();
        app.UseClientRateLimits();
        app.UseFormEncodingCheck();
        app.UseAuthentication();
        app.UseUncheckedSessionFailures();
        app.UseStaffLanguages();
        app.UseAuthorization();
        app.UseConsent();
        app.UseSearchCounting();
        app.UseReaderCaching();
        app.UsePolicyPages();
        app.UseMessageForm();

        app.MapPortalHealth();
        app.MapFeeds();
        app.MapTopicFeeds();
        app.MapRazorPages();
        return app;
    }
}
