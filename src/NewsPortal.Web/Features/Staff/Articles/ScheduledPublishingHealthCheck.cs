using Microsoft.Extensions.Diagnostics.HealthChecks;
using NewsPortal.Core.Articles.Editing;

namespace NewsPortal.Web.Features.Staff.Articles;

/// <summary>Degraded when a scheduled article is more than a couple of minutes past its time and still not live.</summary>
public sealed class ScheduledPublishingHealthCheck(NewsroomQueries queries) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        var overdue = await queries.OverdueCountAsync(ArticleWorkflow.OverdueGrace, cancellationToken);
        return overdue == 0
            ? HealthCheckResult.Healthy("Scheduled publishing is on time")
            : HealthCheckResult.Degraded($"{overdue} scheduled article(s) overdue");
    }
}
