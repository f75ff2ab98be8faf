using Microsoft.EntityFrameworkCore;
using NewsPortal.IntegrationTests.Infrastructure;

namespace NewsPortal.IntegrationTests.Security;

public sealed class SendingSecurityHeaders(PortalFactory factory) : IClassFixture<PortalFactory>
{
    public static TheoryData<string> EveryKindOfPage() =>
    [
        "/", "/section/city", "/tag/riverside", "/author/lin-xiaoyu", "ARTICLE", "/no-such-page", "/article/no-such-story",
        "/css/site.css", "/favicon.svg", "/health", "/staff/sign-in", "/staff", "/section/city?page=-1",
    ];

    [Theory]
    [MemberData(nameof(EveryKindOfPage))]
    public async Task Every_response_carries_the_security_headers(string path)
    {
        if (path == "ARTICLE")
        {
            path = "/article/" + await factory.WithDbAsync(db => db.Articles.OrderBy(a => a.Id).Select(a => a.Slug).FirstAsync());
        }

        var client = factory.CreateBrowserClient();

        // Twice: the second answer may come from the output cache and must carry them too.
        for (var i = 0; i < 2; i++)
        {
            var response = await client.GetAsync(path);
            var csp = string.Join(";", response.Headers.GetValues("Content-Security-Policy"));
            Assert.Contains("frame-ancestors 'none'", csp);
            Assert.Contains("script-src 'self'", csp);
            Assert.DoesNotContain("unsafe-inline", csp);
            Assert.Equal("nosniff", response.Headers.GetValues("X-Content-Type-Options").Single());
            Assert.Equal("strict-origin-when-cross-origin", response.Headers.GetValues("Referrer-Policy").Single());
            Assert.Contains("camera=()", response.Headers.GetValues("Permissions-Policy").Single());
            Assert.False(response.Headers.Contains("Server"));
        }
    }

    [Fact]
    public async Task Pages_carry_no_inline_script_that_the_policy_would_block()
    {
        var client = factory.CreateBrowserClient();
        foreach (var path in new[] { "/", "/section/city", "/staff/sign-in" })
        {
            var (_, page) = await Html.GetAsync(client, path);
            var inline = page.QuerySelectorAll("script:not([src])")
                .Where(s => s.GetAttribute("type") != "application/ld+json");
            Assert.Empty(inline);
            Assert.Empty(page.QuerySelectorAll("[onclick],[onload],[onerror],[onsubmit]"));
        }
    }

    [Fact]
    public async Task Staff_pages_are_never_stored_by_browsers_or_proxies()
    {
        var client = factory.CreateBrowserClient();

        var response = await client.GetAsync("/staff/sign-in");

        Assert.True(response.Headers.CacheControl?.NoStore, "Staff pages must answer Cache-Control: no-store");
    }
}
