using System.Globalization;
using System.Net;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.EntityFrameworkCore;
using NewsPortal.Core.Articles;
using NewsPortal.Core.Staff;
using NewsPortal.IntegrationTests.Infrastructure;
using NewsPortal.IntegrationTests.Newsroom;

namespace NewsPortal.IntegrationTests.Security;

/// <summary>The portal with the message rate limit raised above what one class sends, and uploads in the test's folder.</summary>
public sealed class SecurityFactory : PortalFactory
{
    public string MediaFolder => Path.Combine(DataFolder, "media");

    protected override IEnumerable<KeyValuePair<string, string?>> Settings() =>
    [
        new("Messages:RateLimit:PermitLimit", "1000"),
        new("Media:Folder", MediaFolder),
    ];
}

/// <summary>
/// The security headers on every kind of answer (reader pages, site chrome, staff pages, error pages, static
/// files, uploads, feeds and form posts), staff answers never stored, and every cookie HttpOnly and SameSite,
/// and Secure when the request came over HTTPS.
/// </summary>
public sealed class ProtectingEveryKindOfPage(SecurityFactory factory) : IClassFixture<SecurityFactory>
{
    private const string Policy =
        "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; font-src 'self'; " +
        "connect-src 'self'; object-src 'none'; base-uri 'self'; form-action 'self'; frame-ancestors 'none'";

    public static TheoryData<string, string> EveryKindOfAnswer() => new()
    {
        { "reader", "/" },
        { "reader", "/section/city" },
        { "reader", "/tag/riverside" },
        { "reader", "/author/lin-xiaoyu" },
        { "reader", "ARTICLE" },
        { "reader", "/search?q=river" },
        { "chrome", "/privacy" },
        { "chrome", "/terms" },
        { "chrome", "/about" },
        { "chrome", "/contact" },
        { "chrome", "/cookie-settings" },
        { "chrome", "/message" },
        { "chrome", "THANKS" },
        { "chrome", "POST /consent" },
        { "chrome", "POST /message (invalid)" },
        { "staff", "/staff/sign-in" },
        { "staff", "/staff (signed out)" },
        { "staff", "/staff" },
        { "staff", "/staff/articles" },
        { "staff", "/staff/articles/edit" },
        { "staff", "/staff/inbox" },
        { "staff", "/staff/inbox/export" },
        { "staff", "/staff/policies" },
        { "staff", "/staff/policies/privacy" },
        { "staff", "/staff/users" },
        { "staff", "/staff/denied" },
        { "error", "/no-such-page" },
        { "error", "WITHDRAWN" },
        { "error", "/search?q=" + new string('q', 300) },
        { "error", "/section/city?page=-1" },
        { "static", "/css/site.css" },
        { "static", "/favicon.svg" },
        { "static", "MEDIA" },
        { "static", "/health" },
        { "feed", "/feed/rss.xml" },
        { "feed", "/feed/atom.xml" },
        { "feed", "/section/city/rss.xml" },
        { "feed", "/sitemap.xml" },
        { "feed", "/sitemap-news.xml" },
        { "feed", "/robots.txt" },
    };

    [Theory]
    [MemberData(nameof(EveryKindOfAnswer))]
    public async Task Every_kind_of_answer_carries_the_security_headers(string kind, string what)
    {
        var staff = kind == "staff" && what is not ("/staff/sign-in" or "/staff (signed out)") ? await Infrastructure.Staff.SignedInClientAsync(factory, StaffRoles.Admin) : null;
        var client = staff ?? factory.CreateBrowserClient();

        // Twice: the second answer may come from the output cache and must carry them too.
        for (var i = 0; i < 2; i++)
        {
            var response = await AskAsync(client, what);

            Assert.Equal(Policy, response.Headers.GetValues("Content-Security-Policy").Single());
            Assert.Equal("nosniff", response.Headers.GetValues("X-Content-Type-Options").Single());
            Assert.Equal("DENY", response.Headers.GetValues("X-Frame-Options").Single());
            Assert.Equal("strict-origin-when-cross-origin", response.Headers.GetValues("Referrer-Policy").Single());
            Assert.Contains("camera=()", response.Headers.GetValues("Permissions-Policy").Single());
            Assert.Equal("same-origin", response.Headers.GetValues("Cross-Origin-Opener-Policy").Single());
            Assert.False(response.Headers.Contains("Server"));
            Assert.False(response.Headers.Contains("X-Powered-By"));
            Assert.False(response.Headers.Contains("Strict-Transport-Security"), "HSTS is for HTTPS answers only");
            if (kind == "staff")
            {
                Assert.True(response.Headers.CacheControl?.NoStore, $"{what} must answer Cache-Control: no-store");
            }
        }
    }

    private async Task<HttpResponseMessage> AskAsync(HttpClient client, string what)
    {
        switch (what)
        {
            case "ARTICLE":
                return await client.GetAsync("/article/" + await factory.WithDbAsync(db => db.Articles.OrderBy(a => a.Id).Select(a => a.Slug).FirstAsync()));
            case "WITHDRAWN":
                var withdrawn = await TestArticles.AddAsync(factory, $"Withdrawn {Guid.NewGuid():N}", ArticleStatus.Unpublished, factory.Clock.GetUtcNow().UtcDateTime.AddDays(-1));
                var gone = await client.GetAsync($"/article/{withdrawn.Slug}");
                Html.AssertStatus(gone, HttpStatusCode.Gone);
                return gone;
            case "THANKS":
                var reference = await Messages.MessageForm.LeaveAsync(client, Messages.MessageForm.Valid("Headers"));
                return await client.GetAsync($"/message/thanks?ref={reference}");
            case "POST /consent":
                using (var request = new HttpRequestMessage(HttpMethod.Post, "/consent"))
                {
                    request.Headers.Add("Origin", "http://localhost");
                    request.Content = new FormUrlEncodedContent(new Dictionary<string, string> { ["choice"] = "reject", ["returnUrl"] = "/" });
                    return await client.SendAsync(request);
                }

            case "POST /message (invalid)":
                var invalid = await Messages.MessageForm.SendAsync(client, new Dictionary<string, string> { ["email"] = "not an address" });
                Html.AssertStatus(invalid, HttpStatusCode.UnprocessableEntity);
                return invalid;
            case "/staff (signed out)":
                var redirect = await client.GetAsync("/staff");
                Html.AssertStatus(redirect, HttpStatusCode.Redirect);
                return redirect;
            case "MEDIA":
                Directory.CreateDirectory(factory.MediaFolder);
                await File.WriteAllBytesAsync(Path.Combine(factory.MediaFolder, "0123456789abcdef0123456789abcdef-320.jpg"), [0xFF, 0xD8, 0xFF, 0xD9]);
                return await client.GetAsync("/media/0123456789abcdef0123456789abcdef-320.jpg");
            default:
                return await client.GetAsync(what);
        }
    }

    [Fact]
    public async Task Over_https_every_cookie_is_secure_httponly_and_samesite_and_browsers_are_told_to_stay_on_https()
    {
        var cookies = await CookiesOfAWholeVisitAsync("https://news.example.test");

        Assert.Contains(cookies, c => c.StartsWith("np_consent=", StringComparison.Ordinal));
        Assert.Contains(cookies, c => c.StartsWith("np_staff=", StringComparison.Ordinal));
        Assert.Contains(cookies, c => c.StartsWith(".AspNetCore.Antiforgery.", StringComparison.Ordinal));
        Assert.Contains(cookies, c => c.StartsWith(".AspNetCore.Mvc.CookieTempDataProvider=", StringComparison.Ordinal));
        Assert.All(cookies, c =>
        {
            var attributes = c.Split(';').Skip(1).Select(a => a.Trim().ToLowerInvariant()).ToList();
            Assert.True(attributes.Contains("secure"), $"Not Secure: {c}");
            Assert.True(attributes.Contains("httponly"), $"Not HttpOnly: {c}");
            Assert.True(attributes.Any(a => a is "samesite=lax" or "samesite=strict"), $"No SameSite: {c}");
        });

        var https = factory.CreateClient(new WebApplicationFactoryClientOptions { BaseAddress = new Uri("https://news.example.test"), AllowAutoRedirect = false });
        Assert.Equal("max-age=31536000; includeSubDomains", (await https.GetAsync("/")).Headers.GetValues("Strict-Transport-Security").Single());
    }

    [Fact]
    public async Task Over_plain_http_every_cookie_is_still_httponly_and_samesite()
    {
        var cookies = await CookiesOfAWholeVisitAsync("http://localhost");

        Assert.Contains(cookies, c => c.StartsWith("np_staff=", StringComparison.Ordinal));
        Assert.All(cookies, c =>
        {
            var attributes = c.Split(';').Skip(1).Select(a => a.Trim().ToLowerInvariant()).ToList();
            Assert.True(attributes.Contains("httponly"), $"Not HttpOnly: {c}");
            Assert.True(attributes.Any(a => a is "samesite=lax" or "samesite=strict"), $"No SameSite: {c}");
        });
    }

    /// <summary>
    /// Every Set-Cookie of a visit that touches every cookie the portal sets: a cookie choice, a message, a staff
    /// sign-in, an article saved (its notice travels in TempData) and a sign-out.
    /// </summary>
    private async Task<List<string>> CookiesOfAWholeVisitAsync(string site)
    {
        var cookies = new List<string>();
        var client = factory.CreateClient(new WebApplicationFactoryClientOptions { BaseAddress = new Uri(site), AllowAutoRedirect = false, HandleCookies = true });
        void Keep(HttpResponseMessage response) => cookies.AddRange(response.Headers.TryGetValues("Set-Cookie", out var values) ? values : []);

        var (_, home) = await Html.GetAsync(client, "/");
        using (var choice = new HttpRequestMessage(HttpMethod.Post, "/consent"))
        {
            choice.Headers.Add("Origin", site);
            choice.Content = new FormUrlEncodedContent(new Dictionary<string, string> { ["choice"] = "accept", ["returnUrl"] = "/" });
            Keep(await client.SendAsync(choice));
        }

        var (form, formPage) = await Html.GetAsync(client, "/message");
        Keep(form);
        Keep(await Html.SubmitAsync(client, formPage, "form.message-form", Messages.MessageForm.Valid("Cookies")));

        var email = await Infrastructure.Staff.CreateAsync(factory, StaffRoles.Admin);
        var (signInForm, signInPage) = await Html.GetAsync(client, "/staff/sign-in");
        Keep(signInForm);
        var signedIn = await Html.SubmitAsync(client, signInPage, "main form", new Dictionary<string, string>
        {
            ["Input.Email"] = email,
            ["Input.Password"] = Infrastructure.Staff.Password,
        });
        Keep(signedIn);
        Html.AssertStatus(signedIn, HttpStatusCode.Redirect);

        var (editor, editorPage) = await Html.GetAsync(client, ArticleForms.NewArticle);
        Keep(editor);
        var saved = await Html.SubmitAsync(client, editorPage, "#article-form", new Dictionary<string, string>
        {
            ["Input.Headline"] = $"Cookie check {Guid.NewGuid():N}",
            ["Input.SectionId"] = (await ArticleForms.SectionIdAsync(factory)).ToString(CultureInfo.InvariantCulture),
            ["Input.Body"] = "Body.",
            ["Command"] = "save-draft",
        });
        Keep(saved);
        var (notice, noticePage) = await Html.GetAsync(client, saved.Headers.Location!.OriginalString);
        Keep(notice);

        Keep(await Html.SubmitAsync(client, noticePage, "form.sign-out"));
        return cookies;
    }
}
