using System.Net;
using Microsoft.Data.Sqlite;
using NewsPortal.IntegrationTests.Infrastructure;

namespace NewsPortal.IntegrationTests.Security;

/// <summary>
/// A real failure outside Development (the database file destroyed under the running portal): readers get the
/// site's own "Something went wrong" page with the security headers for a GET, and the message form back with
/// "Your message was not sent" (503) for a message that cannot be stored, and nothing of the failure itself
/// (no exception, no stack trace, no SQL).
/// </summary>
[Trait(DatabaseTrait.Name, DatabaseTrait.SqliteOnly)]
public sealed class ShowingFailuresWithoutDetails(PortalFactory factory) : IClassFixture<PortalFactory>
{
    [Fact]
    public async Task A_failure_shows_the_sites_own_page_without_any_detail_of_what_failed()
    {
        var client = factory.CreateBrowserClient();
        Html.AssertStatus(await client.GetAsync("/"), HttpStatusCode.OK);
        var (_, form) = await Html.GetAsync(client, "/message");

        SqliteConnection.ClearAllPools();
        foreach (var file in Directory.GetFiles(factory.DataFolder, "portal.db*"))
        {
            await File.WriteAllBytesAsync(file, [.. Enumerable.Repeat((byte)0x5A, 64 * 1024)]);
        }

        var read = await client.GetAsync("/tag/transport");
        var posted = await Html.SubmitAsync(client, form, "form.message-form", Messages.MessageForm.Valid("During the failure"));

        Html.AssertStatus(read, HttpStatusCode.ServiceUnavailable);
        Assert.Equal("Something went wrong", (await Html.ParseAsync(read)).Text("main h1"));
        Html.AssertStatus(posted, HttpStatusCode.ServiceUnavailable);
        Assert.Equal("Your message was not sent", (await Html.ParseAsync(posted)).Text(".error-summary h2"));
        foreach (var response in new[] { read, posted })
        {
            var html = await response.Content.ReadAsStringAsync();
            foreach (var detail in new[] { "Exception", "SqliteException", "   at ", "not a database", "SELECT", "NewsPortal.Core", ".cs:line" })
            {
                Assert.DoesNotContain(detail, html, StringComparison.Ordinal);
            }

            Assert.Contains("frame-ancestors 'none'", response.Headers.GetValues("Content-Security-Policy").Single());
        }
    }
}
