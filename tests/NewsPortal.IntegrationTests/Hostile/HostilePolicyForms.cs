using System.Net;
using Microsoft.EntityFrameworkCore;
using NewsPortal.Core.Staff;
using NewsPortal.IntegrationTests.Infrastructure;

namespace NewsPortal.IntegrationTests.Hostile;

/// <summary>
/// The policy editor under hostile input: texts are published as inert text or refused with a message; hostile effective times are refused.
/// </summary>
public sealed class HostilePolicyForms(HostilePortal portal) : IClassFixture<HostilePortal>
{
    private static readonly IEnumerable<HostileText> Every = HostileText.All;

    public static TheoryData<string> PolicyTexts()
    {
        var data = new TheoryData<string>();
        foreach (var text in Every)
        {
            data.Add(text.Name);
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(PolicyTexts))]
    public async Task A_hostile_policy_text_is_published_as_inert_text_or_refused_with_a_message(string name)
    {
        var text = HostileText.Named(name);
        var admin = await portal.StaffAsync(StaffRoles.Admin);
        var before = await RevisionsAsync("privacy");
        var (_, form) = await Html.GetAsync(admin, "/staff/policies/privacy");

        var response = await Html.SubmitAsync(admin, form, "form.policy-editor", new Dictionary<string, string> { ["Input.Markdown"] = text.Value });

        if (text.Unreadable)
        {
            await Answers.AssertRefusedAsync(response, HttpStatusCode.BadRequest, "We could not understand that request");
            Assert.Equal(before, await RevisionsAsync("privacy"));
            return;
        }

        // One hundred thousand characters is exactly the limit for a policy page.
        if (text.Lines is null && name != "oversized")
        {
            var refused = await Answers.AssertRefusedAsync(response, HttpStatusCode.UnprocessableEntity);
            Assert.False(string.IsNullOrWhiteSpace(Answers.ErrorsOn(refused)), "No message beside the text");
            Answers.AssertInert(refused);
            Assert.Equal(before, await RevisionsAsync("privacy"));
            return;
        }

        Html.AssertStatus(response, HttpStatusCode.Redirect);
        Assert.Equal(before + 1, await RevisionsAsync("privacy"));
        var (shown, page) = await Html.GetAsync(portal.Reader(), "/privacy");
        Html.AssertStatus(shown, HttpStatusCode.OK);
        Answers.AssertInert(page);
        var (_, staffPage) = await Html.GetAsync(admin, "/staff/policies/privacy");
        Answers.AssertInert(staffPage);
    }

    [Theory]
    [InlineData("abc")]
    [InlineData("0001-01-01T00:00")]
    [InlineData("2026-02-30T10:00")]
    [InlineData("<script>alert(1)</script>")]
    [InlineData("")]
    [InlineData("1999-01-01T00:00")]
    public async Task A_hostile_effective_time_is_refused_with_a_message(string effectiveAt)
    {
        var admin = await portal.StaffAsync(StaffRoles.Admin);
        var before = await RevisionsAsync("contact");
        var (_, form) = await Html.GetAsync(admin, "/staff/policies/contact");

        var response = await Html.SubmitAsync(admin, form, "form.policy-editor", new Dictionary<string, string>
        {
            ["Input.Markdown"] = "Contact the newsroom.",
            ["Input.EffectiveAt"] = effectiveAt,
        });

        var page = await Answers.AssertRefusedAsync(response, HttpStatusCode.UnprocessableEntity);
        Assert.False(string.IsNullOrWhiteSpace(Answers.ErrorsOn(page)), "No message about the time");
        Answers.AssertInert(page);
        Assert.Equal(before, await RevisionsAsync("contact"));
    }

    private Task<int> RevisionsAsync(string key) =>
        portal.WithDbAsync(db => db.PolicyRevisions.CountAsync(r => r.Document!.Key == key));
}
