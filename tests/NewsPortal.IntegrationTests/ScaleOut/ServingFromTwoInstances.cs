using System.Net;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.OutputCaching;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using NewsPortal.Core.Articles;
using NewsPortal.Core.Markdown;
using NewsPortal.Core.Staff;
using NewsPortal.IntegrationTests.Infrastructure;
using NewsPortal.Web.Features.Staff;
using NewsPortal.Web.Platform.Caching;

namespace NewsPortal.IntegrationTests.ScaleOut;

/// <summary>
/// Two instances of the portal, A and B, started at the same moment on one empty PostgreSQL database and one
/// Redis, as docker-compose runs them behind nginx.
/// </summary>
public sealed class TwoInstances : IAsyncLifetime
{
    public string Database { get; } = TestDatabases.CreatePostgres();

    /// <summary>Keys in Redis are prefixed per test run, so runs never see each other's cache or key ring.</summary>
    public string RedisPrefix { get; } = $"np-test-{Guid.NewGuid():N}:";

    public PortalInstance A { get; private set; } = null!;

    public PortalInstance B { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        A = PortalInstance.OnPostgres(Database, RedisPrefix);
        B = PortalInstance.OnPostgres(Database, RedisPrefix);
        await Task.WhenAll(Task.Run(A.Start), Task.Run(B.Start));
    }

    public async Task DisposeAsync()
    {
        await A.DisposeAsync();
        await B.DisposeAsync();
        TestDatabases.DropPostgres(Database);
    }
}

[Trait(DatabaseTrait.Name, DatabaseTrait.ProviderIndependent)]
public sealed class ServingFromTwoInstances(TwoInstances portal) : IClassFixture<TwoInstances>
{
    [Fact]
    public async Task Two_instances_starting_together_on_an_empty_database_migrate_and_seed_it_once()
    {
        var cookies = new CookieContainer();
        Html.AssertStatus(await portal.A.Client(cookies).GetAsync("health"), HttpStatusCode.OK);
        Html.AssertStatus(await portal.B.Client(cookies).GetAsync("health"), HttpStatusCode.OK);

        var (applied, known, roles, citySections, articles, revisions) = await portal.A.WithDbAsync(async (db, _) => (
            await db.Database.SqlQuery<int>($"""SELECT count(*)::int AS "Value" FROM "__EFMigrationsHistory" """).SingleAsync(),
            db.Database.GetMigrations().Count(),
            await db.Roles.CountAsync(),
            await db.Sections.CountAsync(s => s.Slug == "city"),
            await db.Articles.CountAsync(),
            await db.ArticleRevisions.CountAsync()));

        Assert.Equal(known, applied);
        Assert.Equal(StaffRoles.All.Count, roles);
        Assert.Equal(1, citySections);
        Assert.True(articles > 20, $"Expected the demo articles, found {articles}");
        Assert.Equal(articles, revisions);
    }

    [Fact]
    public async Task An_article_published_through_A_is_served_fresh_by_B_on_its_next_request()
    {
        var reader = portal.B.Client(new CookieContainer());
        var slug = $"two-instances-{Guid.NewGuid():N}"[..40];
        await ChangeThroughAAsync(slug, article =>
        {
            article.Headline = "Ferry timetable changes for the winter";
            article.Status = ArticleStatus.Draft;
        });

        Html.AssertStatus(await reader.GetAsync($"article/{slug}"), HttpStatusCode.NotFound);

        await ChangeThroughAAsync(slug, article =>
        {
            article.Status = ArticleStatus.Published;
            article.PublishedAt = DateTime.UtcNow.AddSeconds(-1);
        });
        var (published, page) = await Html.GetAsync(reader, $"article/{slug}");
        Html.AssertStatus(published, HttpStatusCode.OK);
        Assert.Equal("Ferry timetable changes for the winter", page.Text("#headline"));

        await ChangeThroughAAsync(slug, article => article.Headline = "Ferry timetable changes postponed to spring");
        var (edited, editedPage) = await Html.GetAsync(reader, $"article/{slug}");
        Html.AssertStatus(edited, HttpStatusCode.OK);
        Assert.Equal("Ferry timetable changes postponed to spring", editedPage.Text("#headline"));
    }

    [Fact]
    public async Task Evicting_cached_reader_pages_on_A_evicts_them_on_B()
    {
        var storeB = portal.B.Services.GetRequiredService<IOutputCacheStore>();
        var key = $"probe-{Guid.NewGuid():N}";

        // An eviction still on its way from an earlier test's save may remove the probe at once; store it again then.
        var stored = false;
        for (var attempt = 0; attempt < 10 && !stored; attempt++)
        {
            await storeB.SetAsync(key, "<html>a cached page</html>"u8.ToArray(), [ReaderCache.AllPagesTag], TimeSpan.FromMinutes(5), default);
            stored = await storeB.GetAsync(key, default) is not null;
            if (!stored)
            {
                await Task.Delay(200);
            }
        }

        Assert.True(stored, "B's cache did not keep the probe page");

        await portal.A.Services.GetRequiredService<ReaderCache>().EvictAllAsync();

        Assert.Null(await storeB.GetAsync(key, default));
    }

    [Fact]
    public async Task A_staff_sign_in_on_A_is_accepted_by_B()
    {
        var email = await CreateStaffThroughAAsync();
        var browser = new CookieContainer();
        var onA = portal.A.Client(browser);
        var onB = portal.B.Client(browser);

        var (_, form) = await Html.GetAsync(onA, "staff/sign-in");
        var signedIn = await Html.SubmitAsync(onA, form, "main form", new Dictionary<string, string>
        {
            ["Input.Email"] = email,
            ["Input.Password"] = Staff.Password,
        });
        Html.AssertStatus(signedIn, HttpStatusCode.Redirect);
        Assert.Contains(signedIn.Headers.GetValues("Set-Cookie"), c => c.StartsWith("np_staff=", StringComparison.Ordinal));

        var (staffHome, dashboard) = await Html.GetAsync(onB, "staff");

        Html.AssertStatus(staffHome, HttpStatusCode.OK);
        Assert.Equal("Staff dashboard", dashboard.Text("h1"));
        Assert.Contains("Signed in as Test Editor.", dashboard.Body!.TextContent);
    }

    [Fact]
    public async Task A_form_rendered_by_A_can_be_posted_to_B_with_its_antiforgery_token()
    {
        var email = await CreateStaffThroughAAsync();
        var browser = new CookieContainer();
        var (_, form) = await Html.GetAsync(portal.A.Client(browser), "staff/sign-in");
        Assert.NotNull(form.QuerySelector("main form input[name=__RequestVerificationToken]"));

        var posted = await Html.SubmitAsync(portal.B.Client(browser), form, "main form", new Dictionary<string, string>
        {
            ["Input.Email"] = email,
            ["Input.Password"] = Staff.Password,
        });

        Html.AssertStatus(posted, HttpStatusCode.Redirect);
        Assert.Equal("/staff", posted.Headers.Location?.OriginalString);
    }

    [Fact]
    public async Task Without_the_shared_key_ring_an_instance_refuses_a_cookie_from_another()
    {
        // The control for the two tests above: an instance on the same database but with its keys on its own disk.
        await using var loner = PortalInstance.OnPostgres(portal.Database, redisPrefix: null);
        loner.Start();
        var email = await CreateStaffThroughAAsync();
        var browser = new CookieContainer();
        var onA = portal.A.Client(browser);
        var (_, form) = await Html.GetAsync(onA, "staff/sign-in");
        Html.AssertStatus(await Html.SubmitAsync(onA, form, "main form", new Dictionary<string, string>
        {
            ["Input.Email"] = email,
            ["Input.Password"] = Staff.Password,
        }), HttpStatusCode.Redirect);

        var staffHome = await loner.Client(browser).GetAsync("staff");

        Html.AssertStatus(staffHome, HttpStatusCode.Redirect);
        Assert.Contains("/staff/sign-in", staffHome.Headers.Location!.ToString());
    }

    /// <summary>Saves through A's own services and evicts A's reader cache, as the newsroom does after a save.</summary>
    private async Task ChangeThroughAAsync(string slug, Action<Article> change)
    {
        await portal.A.WithDbAsync(async (db, services) =>
        {
            var article = await db.Articles.SingleOrDefaultAsync(a => a.Slug == slug);
            if (article is null)
            {
                var section = await db.Sections.FirstAsync(s => s.Slug == "city");
                var rendered = services.GetRequiredService<MarkdownRenderer>().Render("Crossings run every **twenty minutes**.");
                var now = DateTime.UtcNow;
                article = new Article
                {
                    Slug = slug,
                    Standfirst = "What changes for people crossing the river.",
                    BodyMarkdown = "Crossings run every **twenty minutes**.",
                    BodyHtml = rendered.Html,
                    BodyText = rendered.PlainText,
                    ReadingMinutes = rendered.ReadingMinutes,
                    CreatedAt = now,
                    UpdatedAt = now,
                    SectionId = section.Id,
                };
                db.Articles.Add(article);
            }

            change(article);
            article.UpdatedAt = DateTime.UtcNow;
            await db.SaveChangesAsync();
            return 0;
        });
    }

    private async Task<string> CreateStaffThroughAAsync()
    {
        var email = $"editor-{Guid.NewGuid():N}@newsportal.test";
        var errors = await portal.A.WithDbAsync((_, services) => StaffAccounts.CreateAsync(services, email, "Test Editor", "Editor", Staff.Password));
        Assert.Empty(errors);
        return email;
    }
}
