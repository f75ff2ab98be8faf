using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using NewsPortal.Core.Activity;
using NewsPortal.Core.Articles;
using NewsPortal.Core.Articles.Editing;
using NewsPortal.IntegrationTests.Infrastructure;

namespace NewsPortal.IntegrationTests.ScaleOut;

/// <summary>
/// Every instance runs the scheduled publisher on the same PostgreSQL database; an article that falls due
/// must be published by exactly one of them, so that whatever publishing sets off happens once.
/// </summary>
[Trait(DatabaseTrait.Name, DatabaseTrait.ProviderIndependent)]
public sealed class PublishingScheduledArticlesOnce(TwoInstances portal) : IClassFixture<TwoInstances>
{
    [Fact]
    public async Task Publishers_on_two_instances_racing_for_the_same_due_articles_publish_each_once()
    {
        var created = new List<int>();
        var byRacer = Enumerable.Range(0, 4).Select(_ => new List<int>()).ToList();
        for (var round = 0; round < 5; round++)
        {
            created.AddRange(await AddDueArticlesAsync(8));

            // Two publishers on each instance, each on its own connection, released at the same moment.
            using var start = new Barrier(4);
            var racers = byRacer.Select((_, i) => Task.Run(() => PublishAsync(i % 2 == 0 ? portal.A : portal.B, start))).ToList();
            var results = await Task.WhenAll(racers);
            for (var i = 0; i < results.Length; i++)
            {
                byRacer[i].AddRange(results[i]);
            }
        }

        // The instances' own publishers run every 15 seconds and may take a few; none may be taken twice.
        var all = byRacer.SelectMany(ids => ids).ToList();
        Assert.NotEmpty(all);
        Assert.Equal(all.Count, all.Distinct().Count());
        Assert.Subset(created.ToHashSet(), all.ToHashSet());
        var stillScheduled = await portal.A.WithDbAsync((db, _) =>
            db.Articles.CountAsync(a => created.Contains(a.Id) && a.Status != ArticleStatus.Published));
        Assert.Equal(0, stillScheduled);

        // Each publication is in the activity log once, under the site's own name, whichever instance made it.
        var logged = await portal.A.WithDbAsync((db, _) => db.ActivityEntries
            .Where(e => e.ArticleId != null && created.Contains(e.ArticleId.Value) && e.Action == ActivityActions.Published)
            .Select(e => new { ArticleId = e.ArticleId!.Value, e.ActorName }).ToListAsync());
        Assert.Equal(created.Order(), logged.Select(e => e.ArticleId).Order());
        Assert.All(logged, e => Assert.Equal(ActivityLog.SiteName, e.ActorName));
    }

    private static async Task<IReadOnlyList<int>> PublishAsync(PortalInstance instance, Barrier start)
    {
        await using var scope = instance.Services.CreateAsyncScope();
        var publishing = scope.ServiceProvider.GetRequiredService<ScheduledPublishing>();
        start.SignalAndWait(TimeSpan.FromSeconds(30));
        return await publishing.PublishDueAsync();
    }

    private async Task<List<int>> AddDueArticlesAsync(int count) =>
        await portal.A.WithDbAsync(async (db, _) =>
        {
            var section = await db.Sections.FirstAsync(s => s.Slug == "city");
            var now = DateTime.UtcNow;
            var articles = Enumerable.Range(0, count).Select(_ =>
            {
                var slug = $"due-{Guid.NewGuid():N}";
                return new Article
                {
                    Headline = $"Scheduled story {slug}",
                    Slug = slug,
                    Standfirst = "Written ahead, published on time.",
                    BodyMarkdown = "Published by the schedule.",
                    BodyHtml = "<p>Published by the schedule.</p>",
                    BodyText = "Published by the schedule.",
                    ReadingMinutes = 1,
                    Status = ArticleStatus.Scheduled,
                    PublishedAt = now.AddSeconds(-1),
                    CreatedAt = now,
                    UpdatedAt = now,
                    SectionId = section.Id,
                };
            }).ToList();
            db.Articles.AddRange(articles);
            await db.SaveChangesAsync();
            return articles.Select(a => a.Id).ToList();
        });
}
