using System.Net;
using NewsPortal.Core.Staff;
using NewsPortal.IntegrationTests.Infrastructure;

namespace NewsPortal.IntegrationTests.Newsroom;

public sealed class NewsroomAccess(NewsroomFactory factory) : IClassFixture<NewsroomFactory>
{
    [Theory]
    [InlineData("/staff/articles")]
    [InlineData("/staff/articles/edit")]
    [InlineData("/staff/articles/1/revisions")]
    public async Task A_moderator_is_refused_the_newsroom_with_403(string url)
    {
        var moderator = await Staff.SignedInClientAsync(factory, StaffRoles.Moderator);

        var response = await moderator.GetAsync(url);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.StartsWith("/staff/denied", response.Headers.Location!.PathAndQuery);
        Html.AssertStatus(await moderator.GetAsync(response.Headers.Location), HttpStatusCode.Forbidden);
    }

    [Fact]
    public async Task A_moderator_cannot_post_to_the_article_form_either()
    {
        var moderator = await Staff.SignedInClientAsync(factory, StaffRoles.Moderator);
        var (_, dashboard) = await Html.GetAsync(moderator, "/staff");
        var token = dashboard.QuerySelector("input[name=__RequestVerificationToken]")?.GetAttribute("value") ?? "";

        // A complete, valid form: only the moderator's role can stop it.
        var response = await moderator.PostAsync("/staff/articles/edit", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = token,
            ["Input.Headline"] = "Should not be saved",
            ["Input.Standfirst"] = "A standfirst for a story that must not be saved.",
            ["Input.SectionId"] = (await ArticleForms.SectionIdAsync(factory)).ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["Input.Body"] = "A paragraph of news.",
            ["Command"] = "publish",
        }));

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.StartsWith("/staff/denied", response.Headers.Location!.PathAndQuery);
        Assert.False(await factory.WithDbAsync(db => Microsoft.EntityFrameworkCore.EntityFrameworkQueryableExtensions.AnyAsync(db.Articles, a => a.Headline == "Should not be saved")));
    }

    [Theory]
    [InlineData("/staff/users")]
    [InlineData("/staff/users/new")]
    public async Task An_editor_is_refused_the_staff_accounts_with_403(string url)
    {
        var editorClient = await Staff.SignedInClientAsync(factory, StaffRoles.Editor);

        var response = await editorClient.GetAsync(url);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Html.AssertStatus(await editorClient.GetAsync(response.Headers.Location), HttpStatusCode.Forbidden);
    }

    [Fact]
    public async Task Someone_not_signed_in_is_sent_to_the_sign_in_page()
    {
        var response = await factory.CreateBrowserClient().GetAsync("/staff/articles");

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.StartsWith("/staff/sign-in", response.Headers.Location!.PathAndQuery);
    }

    [Fact]
    public async Task An_admin_and_an_editor_both_reach_the_newsroom_and_the_dashboard_counts_articles()
    {
        foreach (var role in new[] { StaffRoles.Admin, StaffRoles.Editor })
        {
            var client = await Staff.SignedInClientAsync(factory, role);
            Html.AssertStatus(await client.GetAsync("/staff/articles"), HttpStatusCode.OK);
            var (_, dashboard) = await Html.GetAsync(client, "/staff");
            Assert.Matches(@"\d+ published", dashboard.Text(".counts"));
        }
    }
}
