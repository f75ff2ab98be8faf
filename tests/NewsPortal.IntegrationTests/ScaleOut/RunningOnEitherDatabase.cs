using Microsoft.EntityFrameworkCore;
using NewsPortal.IntegrationTests.Infrastructure;

namespace NewsPortal.IntegrationTests.ScaleOut;

/// <summary>Runs in both passes of the suite: on SQLite, and on PostgreSQL with NEWSPORTAL_TEST_PROVIDER=Postgres.</summary>
public sealed class RunningOnEitherDatabase(PortalFactory factory) : IClassFixture<PortalFactory>
{
    [Fact]
    public async Task The_portal_runs_on_the_database_the_run_asked_for()
    {
        var provider = await factory.WithDbAsync(db => Task.FromResult(db.Database.ProviderName));

        Assert.Equal(
            factory.Provider == "Postgres" ? "Npgsql.EntityFrameworkCore.PostgreSQL" : "Microsoft.EntityFrameworkCore.Sqlite",
            provider);
    }

    [Fact]
    public async Task Times_are_stored_as_utc_and_read_back_as_utc()
    {
        var utc = new DateTime(2026, 3, 14, 1, 59, 26, 535, DateTimeKind.Utc);
        var article = await TestArticles.AddAsync(factory, "Spring timetable published", publishedAt: utc);
        var local = new DateTimeOffset(2026, 3, 14, 9, 59, 26, 535, TimeSpan.FromHours(8));
        await factory.WithDbAsync(async db =>
        {
            var stored = await db.Articles.SingleAsync(a => a.Id == article.Id);
            stored.UpdatedAt = local.UtcDateTime.ToLocalTime();
            await db.SaveChangesAsync();
        });

        var (publishedAt, updatedAt, found) = await factory.WithDbAsync(async db =>
        {
            var read = await db.Articles.AsNoTracking().SingleAsync(a => a.Id == article.Id);
            var byTime = await db.Articles.AnyAsync(a => a.Id == article.Id && a.PublishedAt == utc);
            return (read.PublishedAt!.Value, read.UpdatedAt, byTime);
        });

        Assert.Equal(DateTimeKind.Utc, publishedAt.Kind);
        Assert.Equal(utc, publishedAt);
        Assert.Equal(DateTimeKind.Utc, updatedAt.Kind);
        Assert.Equal(local.UtcDateTime, updatedAt);
        Assert.True(found);
    }

    [Fact]
    public async Task The_article_page_shows_the_stored_time_in_the_site_zone()
    {
        var utc = new DateTime(2026, 3, 14, 1, 59, 26, DateTimeKind.Utc);
        var article = await TestArticles.AddAsync(factory, "Harbour lights switched on", publishedAt: utc);
        var client = factory.CreateBrowserClient();

        var (_, page) = await Html.GetAsync(client, $"/article/{article.Slug}");

        Assert.Equal("2026-03-14T09:59:26+08:00", page.QuerySelector(".meta time")!.GetAttribute("datetime"));
    }
}
