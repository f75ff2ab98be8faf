using Microsoft.Extensions.Options;
using NewsPortal.Core.Activity;
using NewsPortal.Core.Review;
using NewsPortal.Core.Statistics;
using NewsPortal.Web.Features.Mail;
using NewsPortal.Web.Features.Search;
using NewsPortal.Web.Features.Staff.Activity;
using NewsPortal.Web.Platform.Site;

namespace NewsPortal.Web.Features.Staff.Articles;

/// <summary>Review before publishing, the activity log, editing notices and the dashboard's figures.</summary>
public static class ReviewSetup
{
    public static IServiceCollection AddNewsroomReview(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<ActivityOptions>().Bind(configuration.GetSection(ActivityOptions.Section)).ValidateDataAnnotations().ValidateOnStart();
        services.AddScoped(sp => new ReviewMailSettings(
            sp.GetRequiredService<IOptions<MailOptions>>().Value.IsConfigured, sp.GetRequiredService<IOptions<SiteOptions>>().Value.Name));
        services.AddScoped<ReviewNotices>();
        services.AddScoped<ArticleDesk>();
        services.AddScoped<EditingPresence>();
        services.AddScoped<ActivityLog>();
        services.AddScoped<StatisticsStore>();
        services.AddScoped<NewsroomFigures>();
        services.AddSingleton<SearchCounter>();
        services.AddHostedService<SearchCountFlusher>();
        services.AddHostedService<ActivityRetentionService>();
        return services;
    }

    /// <summary>Search counting, in front of the output cache so cached result pages are counted too.</summary>
    public static IApplicationBuilder UseSearchCounting(this IApplicationBuilder app) => app.UseMiddleware<SearchCountingMiddleware>();
}
