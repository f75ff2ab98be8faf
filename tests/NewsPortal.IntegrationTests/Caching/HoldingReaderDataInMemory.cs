using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using NewsPortal.Core.Articles;
using NewsPortal.Core.Staff;
using NewsPortal.IntegrationTests.Infrastructure;
using NewsPortal.Web.Platform.Caching;

namespace NewsPortal.IntegrationTests.Caching;

/// <summary>
/// With the output cache off, pages render from reader data held in memory: a change written in SQL, which no
/// save reports, is not seen (so the data really is held), and every save, announcement or publication time is.
/// </summary>
public sealed class HoldingReaderDataInMemory(DataInMemoryPortalFactory factory) : IClassFixture<DataInMemoryPortalFactory>
{
    private static readonly string[] Pages = ["/", "/section/culture", "/tag/memory-test", "/author/memory-writer"];

    [Fact]
    public async Task Pages_render_from_memory_until_a_save_and_then_from_what_the_save_committed()
    {
        var article = await AddTaggedAsync("Memory test original headline");
        var client = factory.CreateBrowserClient();
        foreach (var path in Pages.Append($"/article/{article.Slug}"))
        {
            Assert.Contains("Memory test original headline", await client.GetStringAsync(path));
        }

        await RenameInSql(article.Id, "Memory test silently changed");
        foreach (var path in Pages.Append($"/article/{article.Slug}"))
        {
            Assert.Contains("Memory test original headline", await client.GetStringAsync(path));
        }

        await factory.WithDbAsync(async db =>
        {
            var stored = await db.Articles.SingleAsync(a => a.Id == article.Id);
            stored.Headline = "Memory test saved headline";
            await db.SaveChangesAsync();
        });
        foreach (var path in Pages.Append($"/article/{article.Slug}"))
        {
            Assert.Contains("Memory test saved headline", await client.GetStringAsync(path));
        }
    }

    [Fact]
    public async Task A_change_made_in_sql_shows_once_it_is_announced()
    {
        var article = await AddTaggedAsync("Announced test original");
        var client = factory.CreateBrowserClient();
        Assert.Contains("Announced test original", await client.GetStringAsync($"/article/{article.Slug}"));
        Assert.Contains("Announced test original", await client.GetStringAsync("/section/culture"));

        await RenameInSql(article.Id, "Announced test fixed in SQL");
        Assert.Contains("Announced test original", await client.GetStringAsync($"/article/{article.Slug}"));
        await using (var scope = factory.Services.CreateAsyncScope())
        {
            await scope.ServiceProvider.GetRequiredService<ContentAnnouncement>().AnnounceAsync(CancellationToken.None);
        }

        Assert.Contains("Announced test fixed in SQL", await client.GetStringAsync($"/article/{article.Slug}"));
        Assert.Contains("Announced test fixed in SQL", await client.GetStringAsync("/section/culture"));
    }

    [Fact]
    public async Task An_article_published_for_a_later_time_appears_when_its_time_comes_with_no_save()
    {
        var client = factory.CreateBrowserClient();
        var now = factory.Clock.GetUtcNow().UtcDateTime;
        await TestArticles.AddAsync(factory, "Memory test story for later", publishedAt: now.AddMinutes(30), sectionSlug: "culture");
        Assert.DoesNotContain("Memory test story for later", await client.GetStringAsync("/"));
        Assert.DoesNotContain("Memory test story for later", await client.GetStringAsync("/section/culture"));

        factory.Clock.Advance(TimeSpan.FromMinutes(31));

        Assert.Contains("Memory test story for later", await client.GetStringAsync("/"));
        Assert.Contains("Memory test story for later", await client.GetStringAsync("/section/culture"));
    }

    [Fact]
    public async Task Staff_read_the_database_and_do_not_fill_what_readers_get()
    {
        var article = await AddTaggedAsync("Staff memory test original");
        var reader = factory.CreateBrowserClient();
        var staff = await Staff.SignedInClientAsync(factory, StaffRoles.Editor);
        Assert.Contains("Staff memory test original", await reader.GetStringAsync($"/article/{article.Slug}"));

        await RenameInSql(article.Id, "Staff memory test newest");

        Assert.Contains("Staff memory test newest", await staff.GetStringAsync($"/article/{article.Slug}"));
        Assert.Contains("Staff memory test original", await reader.GetStringAsync($"/article/{article.Slug}"));
    }

    [Fact]
    public async Task Nothing_is_held_when_the_memory_is_set_to_zero()
    {
        await using var uncached = new UncachedPortalFactory();
        var article = await TestArticles.AddAsync(uncached, "Zero memory original");
        var client = uncached.CreateBrowserClient();
        Assert.Contains("Zero memory original", await client.GetStringAsync($"/article/{article.Slug}"));

        await uncached.WithDbAsync(db =>
            db.Articles.Where(a => a.Id == article.Id).ExecuteUpdateAsync(s => s.SetProperty(a => a.Headline, "Zero memory changed")));

        Assert.Contains("Zero memory changed", await client.GetStringAsync($"/article/{article.Slug}"));
        Assert.Equal(0, uncached.Services.GetRequiredService<ReaderData>().Count);
    }

    private async Task<Article> AddTaggedAsync(string headline)
    {
        var article = await TestArticles.AddAsync(factory, headline, sectionSlug: "culture");
        await factory.WithDbAsync(async db =>
        {
            var stored = await db.Articles.Include(a => a.Tags).Include(a => a.Authors).SingleAsync(a => a.Id == article.Id);
            stored.Tags.Add(await db.Tags.SingleOrDefaultAsync(t => t.Slug == "memory-test") ?? new Tag { Name = "Memory test", Slug = "memory-test" });
            stored.Authors.Add(await db.Authors.SingleOrDefaultAsync(t => t.Slug == "memory-writer") ?? new Author { Name = "Memory Writer", Slug = "memory-writer" });
            await db.SaveChangesAsync();
        });
        return article;
    }

    private Task<int> RenameInSql(int id, string headline) => factory.WithDbAsync(db =>
        db.Articles.Where(a => a.Id == id).ExecuteUpdateAsync(s => s.SetProperty(a => a.Headline, headline)));
}
