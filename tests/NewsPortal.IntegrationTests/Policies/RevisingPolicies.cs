using System.Net;
using Microsoft.EntityFrameworkCore;
using NewsPortal.Core.Staff;
using NewsPortal.IntegrationTests.Infrastructure;

namespace NewsPortal.IntegrationTests.Policies;

public sealed class RevisingPolicies(PortalFactory factory) : IClassFixture<PortalFactory>
{
    [Fact]
    public async Task An_admin_saves_a_revision_that_readers_see_at_once_and_the_history_keeps_both()
    {
        var admin = await Infrastructure.Staff.SignedInClientAsync(factory, StaffRoles.Admin);
        var reader = factory.CreateBrowserClient();
        var (_, before) = await Html.GetAsync(reader, "/contact"); // now in the reader cache
        Assert.DoesNotContain("Our desk answers within two days", before.Text(".policy-body"));

        var response = await PolicyEditing.ReviseAsync(admin, "contact", material: false,
            markdown: "## Write to us\n\nOur desk answers within two days. <script>alert(1)</script>");

        Html.AssertStatus(response, HttpStatusCode.Redirect);
        var (_, editor) = await Html.GetAsync(admin, response.Headers.Location!.OriginalString);
        Assert.Contains("saved", editor.Text(".notice"));
        var rows = editor.QuerySelectorAll("table.grid tbody tr");
        Assert.True(rows.Length >= 2);
        Assert.StartsWith("2", rows[0].QuerySelector("td")!.TextContent.Trim());
        Assert.Contains("(in force)", rows[0].TextContent);

        var (_, page) = await Html.GetAsync(reader, "/contact");
        Assert.Equal("Write to us", page.Text(".policy-body h2"));
        Assert.Null(page.QuerySelector(".policy-body script"));
        Assert.Contains("<script>alert(1)</script>", page.Text(".policy-body"));

        var revision = await factory.WithDbAsync(db => db.PolicyRevisions.Where(r => r.Document!.Key == "contact").OrderByDescending(r => r.Number).FirstAsync());
        Assert.Equal((2, false, 1), (revision.Number, revision.IsMaterial, revision.ConsentVersion));
        Assert.Equal("Test Admin", revision.CreatedBy);
    }

    [Fact]
    public async Task A_material_revision_raises_the_consent_version()
    {
        var admin = await Infrastructure.Staff.SignedInClientAsync(factory, StaffRoles.Admin);
        var before = await factory.WithDbAsync(db => db.PolicyRevisions.Where(r => r.Document!.Key == "terms").MaxAsync(r => r.ConsentVersion));

        await PolicyEditing.ReviseOkAsync(admin, "terms", material: true, markdown: "New terms.");

        var after = await factory.WithDbAsync(db => db.PolicyRevisions.Where(r => r.Document!.Key == "terms").OrderByDescending(r => r.Number).FirstAsync());
        Assert.True(after.IsMaterial);
        Assert.Equal(before + 1, after.ConsentVersion);
    }

    [Fact]
    public async Task A_revision_with_no_text_or_dated_before_the_latest_is_refused_with_reasons()
    {
        var admin = await Infrastructure.Staff.SignedInClientAsync(factory, StaffRoles.Admin);
        var count = await factory.WithDbAsync(db => db.PolicyRevisions.CountAsync());

        var empty = await PolicyEditing.ReviseAsync(admin, "about", material: false, markdown: "   ");
        var early = await PolicyEditing.ReviseAsync(admin, "about", material: false, markdown: "Text", effectiveLocal: new DateTime(2025, 1, 1, 8, 0, 0));

        Html.AssertStatus(empty, HttpStatusCode.UnprocessableEntity);
        Assert.Contains("Enter the text of the page.", (await Html.ParseAsync(empty)).Text("form.policy-editor"));
        Html.AssertStatus(early, HttpStatusCode.UnprocessableEntity);
        var earlyPage = await Html.ParseAsync(early);
        Assert.Contains("cannot be earlier", earlyPage.Text("form.policy-editor"));
        Assert.Equal("Text", earlyPage.QuerySelector("textarea")!.TextContent.Trim());
        Assert.Equal(count, await factory.WithDbAsync(db => db.PolicyRevisions.CountAsync()));
    }

    [Fact]
    public async Task The_list_shows_every_policy_page()
    {
        var admin = await Infrastructure.Staff.SignedInClientAsync(factory, StaffRoles.Admin);

        var (_, list) = await Html.GetAsync(admin, "/staff/policies");

        Assert.Equal(["/staff/policies/about", "/staff/policies/contact", "/staff/policies/privacy", "/staff/policies/terms"],
            list.QuerySelectorAll("table.grid tbody a").Select(a => a.GetAttribute("href")));
    }

    [Theory]
    [InlineData(StaffRoles.Moderator)]
    [InlineData(StaffRoles.Editor)]
    public async Task Other_staff_cannot_edit_policies(string role)
    {
        var staff = await Infrastructure.Staff.SignedInClientAsync(factory, role);
        var count = await factory.WithDbAsync(db => db.PolicyRevisions.CountAsync());

        var list = await staff.GetAsync("/staff/policies");
        var editor = await staff.GetAsync("/staff/policies/privacy");
        var (_, dashboard) = await Html.GetAsync(staff, "/staff");
        var post = await staff.PostAsync("/staff/policies/privacy", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["Input.Markdown"] = "Hijacked",
            ["Input.EffectiveAt"] = "2030-01-01T00:00",
            ["Input.IsMaterial"] = "true",
        }));

        Html.AssertStatus(list, HttpStatusCode.Redirect);
        Assert.StartsWith("/staff/denied", list.Headers.Location!.PathAndQuery(), StringComparison.Ordinal);
        Html.AssertStatus(editor, HttpStatusCode.Redirect);
        Assert.Null(dashboard.QuerySelector("a[href='/staff/policies']"));
        Html.AssertStatus(post, HttpStatusCode.Redirect);
        Assert.StartsWith("/staff/denied", post.Headers.Location!.PathAndQuery(), StringComparison.Ordinal);
        Assert.Equal(count, await factory.WithDbAsync(db => db.PolicyRevisions.CountAsync()));
    }
}

internal static class UriPaths
{
    public static string PathAndQuery(this Uri uri) => uri.IsAbsoluteUri ? uri.PathAndQuery : uri.OriginalString;
}
