using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using NewsPortal.IntegrationTests.Infrastructure;
using NewsPortal.Web.Features.Search;
using NewsPortal.Web.Platform.Caching;

namespace NewsPortal.IntegrationTests.Search;

/// <summary>
/// The search rebuild command's work: the SQLite FTS5 table emptied behind the portal's back is filled again,
/// and the announcement after it drops cached search pages. PostgreSQL's index is a generated column it keeps itself.
/// </summary>
[Trait(DatabaseTrait.Name, DatabaseTrait.SqliteOnly)]
public sealed class RebuildingTheSearchIndex(PortalFactory factory) : IClassFixture<PortalFactory>
{
    [Fact]
    public async Task Rebuilding_the_index_finds_every_article_again()
    {
        var article = await TestArticles.AddAsync(factory, "Thistledown garden wins award");
        await factory.WithDbAsync(db => db.Database.ExecuteSqlRawAsync("INSERT INTO ArticleSearch(ArticleSearch) VALUES ('delete-all')"));
        var client = factory.CreateBrowserClient();
        Assert.Empty(SearchingArticles.Headlines((await Html.GetAsync(client, "/search?q=thistledown")).Document));

        await using (var scope = factory.Services.CreateAsyncScope())
        {
            var index = scope.ServiceProvider.GetRequiredService<ISearchIndexMaintenance>();
            Assert.True(await index.NeedsRebuildAsync());
            var count = await index.RebuildAsync();
            Assert.Equal(await factory.WithDbAsync(db => db.Articles.CountAsync()), count);
            Assert.False(await index.NeedsRebuildAsync());
        }

        // What the search rebuild command does after rebuilding: every instance drops its cached pages.
        await using (var scope = factory.Services.CreateAsyncScope())
        {
            await scope.ServiceProvider.GetRequiredService<ContentAnnouncement>().AnnounceAsync(default);
        }

        Assert.Equal([article.Headline], SearchingArticles.Headlines((await Html.GetAsync(client, "/search?q=thistledown")).Document));
    }
}
