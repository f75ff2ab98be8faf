using Microsoft.EntityFrameworkCore;
using NewsPortal.Core.Staff;
using NewsPortal.IntegrationTests.Infrastructure;
using NewsPortal.IntegrationTests.Policies;

namespace NewsPortal.IntegrationTests.Consent;

public sealed class AskingAgainAfterRevisions(PortalFactory factory) : IClassFixture<PortalFactory>
{
    [Fact]
    public async Task After_a_material_revision_of_the_privacy_policy_the_banner_asks_again()
    {
        var reader = Readers.NewReader(factory);
        await Readers.ChooseAsync(reader, "/", "accept");
        var admin = await Infrastructure.Staff.SignedInClientAsync(factory, StaffRoles.Admin);

        await PolicyEditing.ReviseOkAsync(admin, "privacy", material: true, markdown: "We now keep messages for 60 days.");
        var (_, page) = await Html.GetAsync(reader, "/section/city");

        var banner = page.Banner();
        Assert.NotNull(banner);
        Assert.Contains("revised Privacy Policy", banner.TextContent);
        var (_, settings) = await Html.GetAsync(reader, "/cookie-settings");
        Assert.Contains("Please choose again", settings.Text("#consent-status"));
        Assert.Contains("revised Privacy Policy", settings.Text("#consent-status"));

        var again = await Html.SubmitAsync(reader, page, "#consent-banner form", new Dictionary<string, string> { ["choice"] = "accept" });
        var (_, after) = await Html.GetAsync(reader, "/section/city");
        Assert.Null(after.Banner());
        var privacy = await factory.WithDbAsync(db => db.PolicyRevisions.Where(r => r.Document!.Key == "privacy").MaxAsync(r => r.ConsentVersion));
        Assert.Matches($"^np_consent=[0-9a-f]{{32}}\\.a\\.{privacy}\\.\\d+;", again.SetCookies().Single());
    }

    [Fact]
    public async Task After_a_minor_revision_the_banner_stays_away()
    {
        var reader = Readers.NewReader(factory);
        await Readers.ChooseAsync(reader, "/", "reject");
        var admin = await Infrastructure.Staff.SignedInClientAsync(factory, StaffRoles.Admin);

        await PolicyEditing.ReviseOkAsync(admin, "terms", material: false, markdown: "Fixed a typo in the terms.");
        await PolicyEditing.ReviseOkAsync(admin, "privacy", material: false, markdown: "Clarified a sentence.");
        var (_, page) = await Html.GetAsync(reader, "/");

        Assert.Null(page.Banner());
        var (_, terms) = await Html.GetAsync(reader, "/terms");
        Assert.Contains("Fixed a typo in the terms.", terms.Text(".policy-body"));
    }

    [Fact]
    public async Task A_material_revision_of_the_terms_asks_again_only_once_it_takes_effect()
    {
        var reader = Readers.NewReader(factory);
        await Readers.ChooseAsync(reader, "/", "accept");
        var admin = await Infrastructure.Staff.SignedInClientAsync(factory, StaffRoles.Admin);
        var tomorrow = TimeZoneInfo.ConvertTime(factory.Clock.GetUtcNow(), TimeZoneInfo.FindSystemTimeZoneById("Asia/Shanghai")).DateTime.AddDays(1);

        await PolicyEditing.ReviseOkAsync(admin, "terms", material: true, markdown: "New terms from tomorrow.", effectiveLocal: tomorrow);
        var (_, today) = await Html.GetAsync(reader, "/");
        Assert.Null(today.Banner());

        factory.Clock.Advance(TimeSpan.FromDays(2));
        var (_, later) = await Html.GetAsync(reader, "/");
        Assert.Contains("have changed since you made your choice", later.Banner()!.TextContent);
        var (_, settings) = await Html.GetAsync(reader, "/cookie-settings");
        Assert.Contains("revised Terms of Use", settings.Text("#consent-status"));
    }
}
