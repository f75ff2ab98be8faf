using System.Net;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using NewsPortal.Core.Articles;
using NewsPortal.Core.Articles.Editing;
using NewsPortal.Core.Review;
using NewsPortal.IntegrationTests.Infrastructure;
using NewsPortal.IntegrationTests.Mail;

namespace NewsPortal.IntegrationTests.Review;

/// <summary>The portal on real Kestrel at 127.0.0.1, sending mail to a real SMTP server on 127.0.0.1 (<see cref="Smtp"/>).</summary>
public sealed class ReviewPortal : PortalFactory
{
    public ReviewPortal() => UseKestrel(options => options.Listen(IPAddress.Loopback, 0));

    public SmtpTestServer Smtp { get; } = SmtpTestServer.Started();

    public string BaseUrl => Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First().TrimEnd('/');

    protected override IEnumerable<KeyValuePair<string, string?>> Settings() =>
    [
        new("Messages:RateLimit:PermitLimit", "100000"),
        new("Staff:SignInRateLimit:PermitLimit", "100000"),
        new("Media:Folder", Path.Combine(DataFolder, "media")),
        new("Mail:Host", "127.0.0.1"),
        new("Mail:Port", Smtp.Port.ToString(System.Globalization.CultureInfo.InvariantCulture)),
        new("Mail:Security", "None"),
        new("Mail:From", "Newsroom <newsroom@newsportal.test>"),
        new("Mail:PollSeconds", "0.2"),
        new("Mail:RetrySeconds", "1"),
        new("Mail:MaxRetrySeconds", "2"),
    ];

    protected override void Dispose(bool disposing)
    {
        base.Dispose(disposing);
        if (disposing)
        {
            Smtp.DisposeAsync().AsTask().GetAwaiter().GetResult();
        }
    }

    /// <summary>A client of its own (its own cookies, like one browser) that does not follow redirects.</summary>
    public HttpClient Browser() =>
        new(new SocketsHttpHandler { AllowAutoRedirect = false, UseCookies = true, CookieContainer = new CookieContainer() })
        {
            BaseAddress = new Uri(BaseUrl + "/"),
            Timeout = TimeSpan.FromSeconds(60),
        };

    /// <summary>A new account in <paramref name="role"/>, signed in through the real form: its client, id and email.</summary>
    public async Task<(HttpClient Client, string Id, string Email)> SignedInAsync(string role)
    {
        var client = Browser();
        var email = await Infrastructure.Staff.CreateAsync(this, role);
        Html.AssertStatus(await Infrastructure.Staff.SignInAsync(client, email), HttpStatusCode.Redirect);
        var id = await WithDbAsync(db => Task.FromResult(db.Users.Single(u => u.Email == email).Id));
        return (client, id, email);
    }

    /// <summary>A draft written through the desk by <paramref name="ownerId"/>, optionally submitted for review.</summary>
    public async Task<int> DraftAsync(string ownerId, string ownerName, string headline, bool submit = false)
    {
        await using var scope = Services.CreateAsyncScope();
        var desk = scope.ServiceProvider.GetRequiredService<ArticleDesk>();
        var section = await WithDbAsync(db => Task.FromResult(db.Sections.First(s => s.Slug == "city").Id));
        var input = new ArticleInput
        {
            Headline = headline,
            Standfirst = $"Standfirst of {headline}.",
            Body = "A paragraph of news.",
            SectionId = section,
        };
        var outcome = await desk.SaveAsync(new StaffActor(ownerId, ownerName, [Core.Staff.StaffRoles.Reporter]), null, input, ArticleAction.SaveDraft, null, submit);
        Assert.True(outcome.Result.Succeeded, string.Join("; ", outcome.Result.Errors.Values));
        return outcome.Result.ArticleId;
    }

    public Task<ArticleStatus> StatusAsync(int articleId) =>
        WithDbAsync(db => Task.FromResult(db.Articles.Single(a => a.Id == articleId).Status));
}
