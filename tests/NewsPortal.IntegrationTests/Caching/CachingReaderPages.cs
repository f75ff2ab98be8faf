using System.Net;
using System.Net.Http.Headers;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using NewsPortal.Core.Articles;
using NewsPortal.Core.Staff;
using NewsPortal.IntegrationTests.Infrastructure;
using NewsPortal.Web.Platform.Caching;

namespace NewsPortal.IntegrationTests.Caching;

public sealed class CachingReaderPages(PortalFactory factory) : IClassFixture<PortalFactory>
{
    [Fact]
    public async Task A_reader_page_is_served_from_the_cache_until_the_article_changes()
    {
        var article = await TestArticles.AddAsync(factory, "Cache test original headline");
        var client = factory.CreateBrowserClient();
        var first = await client.GetStringAsync($"/article/{article.Slug}");
        Assert.Contains("Cache test original headline", first);

        // A change written in SQL, which no save reports, is not seen: the page really is cached.
        await RenameInSql(article.Id, "Cache test silently changed");
        Assert.Contains("Cache test original headline", await client.GetStringAsync($"/article/{article.Slug}"));

        // A save evicts what it touches when it commits, whoever saves; the very next request is fresh.
        await Rename(article.Id, "Cache test edited headline");
        Assert.Contains("Cache test edited headline", await client.GetStringAsync($"/article/{article.Slug}"));
        Assert.Contains("Cache test edited headline", await client.GetStringAsync("/"));
        Assert.Contains("Cache test edited headline", await client.GetStringAsync("/section/city"));
    }

    [Fact]
    public async Task Publishing_shows_on_home_and_in_the_section_on_the_next_request()
    {
        var client = factory.CreateBrowserClient();
        await client.GetStringAsync("/");
        await client.GetStringAsync("/section/business");
        var article = await TestArticles.AddAsync(factory, "Freshly published business story", ArticleStatus.Draft, sectionSlug: "business");

        await factory.WithDbAsync(async db =>
        {
            var stored = await db.Articles.SingleAsync(a => a.Id == article.Id);
            stored.Status = ArticleStatus.Published;
            stored.PublishedAt = factory.Clock.GetUtcNow().UtcDateTime;
            await db.SaveChangesAsync();
        });

        Assert.Contains("Freshly published business story", await client.GetStringAsync("/"));
        Assert.Contains("Freshly published business story", await client.GetStringAsync("/section/business"));
    }

    [Fact]
    public async Task A_cached_page_answers_304_to_a_matching_etag_and_revalidates_in_browsers()
    {
        var client = factory.CreateBrowserClient();
        var first = await client.GetAsync("/section/culture");
        var etag = first.Headers.ETag;
        Assert.NotNull(etag);
        Assert.True(first.Headers.CacheControl?.NoCache, "Reader pages must be revalidated by browsers");

        var request = new HttpRequestMessage(HttpMethod.Get, "/section/culture");
        request.Headers.IfNoneMatch.Add(etag!);
        var second = await client.SendAsync(request);

        Assert.Equal(HttpStatusCode.NotModified, second.StatusCode);
    }

    [Fact]
    public async Task Unknown_query_parameters_do_not_make_new_cache_entries()
    {
        var client = factory.CreateBrowserClient();
        var first = await client.GetAsync("/section/travel");
        var second = await client.GetAsync("/section/travel?utm_source=x&junk=1");

        Assert.Equal(first.Headers.ETag, second.Headers.ETag);

        // A parameter that changes the page is part of the key.
        var explicitPage = await client.GetAsync("/section/travel?page=1");
        Assert.NotEqual(first.Headers.ETag, explicitPage.Headers.ETag);
    }

    [Fact]
    public async Task A_signed_in_staff_member_never_gets_or_fills_a_cached_page()
    {
        var article = await TestArticles.AddAsync(factory, "Staff cache test headline");
        var reader = factory.CreateBrowserClient();
        var staff = await Staff.SignedInClientAsync(factory, StaffRoles.Editor);

        var readerFirst = await reader.GetAsync($"/article/{article.Slug}");
        await RenameInSql(article.Id, "Staff sees the newest headline");
        var staffView = await staff.GetAsync($"/article/{article.Slug}");

        Assert.Contains("Staff sees the newest headline", await staffView.Content.ReadAsStringAsync());
        Assert.NotEqual(readerFirst.Headers.ETag, staffView.Headers.ETag);
        Assert.True(staffView.Headers.CacheControl?.NoStore, "Signed-in pages must not be stored by browsers or proxies");

        // The staff request did not fill the cache: the reader still gets the first cached copy.
        var readerAgain = await reader.GetAsync($"/article/{article.Slug}");
        Assert.NotNull(readerFirst.Headers.ETag);
        Assert.Equal(readerFirst.Headers.ETag, readerAgain.Headers.ETag);
    }

    [Fact]
    public async Task Two_readers_never_receive_the_same_antiforgery_token()
    {
        var tokens = new List<string>();
        foreach (var path in new[] { "/staff/sign-in", "/staff/sign-in" })
        {
            var client = factory.CreateBrowserClient();
            var (_, page) = await Html.GetAsync(client, path);
            tokens.Add(page.QuerySelector("input[name=__RequestVerificationToken]")!.GetAttribute("value")!);
        }

        Assert.NotEqual(tokens[0], tokens[1]);
    }

    [Fact]
    public async Task Views_of_cached_pages_are_counted_and_written_in_a_batch()
    {
        var article = await TestArticles.AddAsync(factory, "Counted story for most read");
        var client = factory.CreateBrowserClient();
        for (var i = 0; i < 3; i++)
        {
            Html.AssertStatus(await client.GetAsync($"/article/{article.Slug}"), HttpStatusCode.OK);
        }

        Assert.Equal(0, await factory.WithDbAsync(db => db.Articles.Where(a => a.Id == article.Id).Select(a => a.ViewCount).SingleAsync()));
        var flusher = factory.Services.GetServices<IHostedService>().OfType<ViewCountFlusher>().Single();
        await flusher.FlushAsync(CancellationToken.None);

        Assert.Equal(3, await factory.WithDbAsync(db => db.Articles.Where(a => a.Id == article.Id).Select(a => a.ViewCount).SingleAsync()));
    }

    [Fact]
    public async Task Html_and_css_are_compressed_and_fingerprinted_assets_cached_for_a_year()
    {
        var client = factory.CreateBrowserClient();
        var request = new HttpRequestMessage(HttpMethod.Get, "/");
        request.Headers.AcceptEncoding.Add(new StringWithQualityHeaderValue("br"));
        var home = await client.SendAsync(request);
        Assert.Contains("br", home.Content.Headers.ContentEncoding);

        var (_, page) = await Html.GetAsync(factory.CreateBrowserClient(), "/");
        var css = page.QuerySelector("link[rel=stylesheet]")!.GetAttribute("href")!;
        Assert.Contains("?v=", css);
        var asset = await client.GetAsync(css);
        Assert.Equal(TimeSpan.FromDays(365), asset.Headers.CacheControl?.MaxAge);
    }

    /// <summary>A change no save reports (as a fix typed in SQL would be): cached pages keep the old text.</summary>
    private Task<int> RenameInSql(int id, string headline) => factory.WithDbAsync(db =>
        db.Articles.Where(a => a.Id == id).ExecuteUpdateAsync(s => s.SetProperty(a => a.Headline, headline)));

    private Task Rename(int id, string headline) => factory.WithDbAsync(async db =>
    {
        var stored = await db.Articles.SingleAsync(a => a.Id == id);
        stored.Headline = headline;
        await db.SaveChangesAsync();
    });
}
