using System.Net;
using Microsoft.EntityFrameworkCore;
using NewsPortal.Core.Articles;
using NewsPortal.IntegrationTests.Infrastructure;

namespace NewsPortal.IntegrationTests.Articles;

/// <summary>
/// The reader pages' compiled queries keep the SQL of the first database they run on, so they belong to each
/// application, not to the process: two applications on different databases in one process must each get
/// their own.
/// </summary>
[Trait(DatabaseTrait.Name, DatabaseTrait.ProviderIndependent)]
public sealed class ServingTwoDatabasesInOneProcess
{
    [Fact]
    public async Task Article_pages_and_deep_listing_pages_answer_from_a_SQLite_and_a_PostgreSQL_application_alike()
    {
        using var sqlite = new UncachedPortalFactory("Sqlite");
        using var postgres = new UncachedPortalFactory("Postgres");
        foreach (var factory in new PortalFactory[] { sqlite, postgres })
        {
            for (var i = 0; i < 130; i++)
            {
                await TestArticles.AddAsync(factory, $"Two databases story {i:D3}", sectionSlug: "business",
                    publishedAt: factory.Clock.GetUtcNow().UtcDateTime.AddMinutes(-10 - i));
            }
        }

        foreach (var factory in new PortalFactory[] { sqlite, postgres, sqlite })
        {
            var client = factory.CreateBrowserClient();
            var slug = await factory.WithDbAsync(db => db.Articles
                .Where(a => a.Status == ArticleStatus.Published).OrderBy(a => a.Id).Select(a => a.Slug).FirstAsync());

            var (article, _) = await Html.GetAsync(client, $"/article/{slug}");
            Html.AssertStatus(article, HttpStatusCode.OK);

            var (deep, page) = await Html.GetAsync(client, "/section/business?page=7");
            Html.AssertStatus(deep, HttpStatusCode.OK);
            Assert.NotEmpty(page.QuerySelectorAll(".card"));
        }
    }
}
