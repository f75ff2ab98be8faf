using System.Net;
using Microsoft.EntityFrameworkCore;
using NewsPortal.Core.Articles;
using NewsPortal.Core.Messages;
using NewsPortal.Core.Staff;
using NewsPortal.IntegrationTests.Infrastructure;
using NewsPortal.IntegrationTests.Newsroom;

namespace NewsPortal.IntegrationTests.Hostile;

/// <summary>
/// Guessing and planting: a tag or byline only drafts use answers 404 like one that does not exist; a reader's
/// address that would carry a Cc or subject into a reply is refused, and one already stored is only ever a
/// recipient in the mailto link; a preview gets the same limits as a save.
/// </summary>
public sealed class HostileGuessesAndEntries(HostilePortal portal) : IClassFixture<HostilePortal>
{
    [Fact]
    public async Task A_tag_or_author_only_drafts_use_answers_404_until_something_published_uses_it()
    {
        var editor = await portal.StaffAsync(StaffRoles.Editor);
        var suffix = Guid.NewGuid().ToString("N")[..8];
        var id = await ArticleForms.CreateAsync(portal, editor, $"Embargoed story {suffix}", more: new Dictionary<string, string>
        {
            ["Input.Tags"] = $"Embargo {suffix}",
            ["Input.Authors"] = $"New Byline {suffix}",
        });
        var reader = portal.Reader();

        var tagWhileDraft = await reader.GetAsync($"/tag/embargo-{suffix}");
        var authorWhileDraft = await reader.GetAsync($"/author/new-byline-{suffix}");
        var unknownTag = await reader.GetAsync($"/tag/never-used-{suffix}");
        Html.AssertStatus(await ArticleForms.PressAsync(editor, id, "publish"), HttpStatusCode.Redirect);
        var (tagPublished, tagPage) = await Html.GetAsync(reader, $"/tag/embargo-{suffix}");
        var (authorPublished, _) = await Html.GetAsync(reader, $"/author/new-byline-{suffix}");

        foreach (var hidden in new[] { tagWhileDraft, authorWhileDraft })
        {
            var page = await Answers.AssertRefusedAsync(hidden, HttpStatusCode.NotFound);
            Assert.DoesNotContain(suffix, page.Body!.TextContent);
            Assert.Equal((await Html.ParseAsync(unknownTag)).Text("main h1"), page.Text("main h1"));
        }

        Html.AssertStatus(tagPublished, HttpStatusCode.OK);
        Html.AssertStatus(authorPublished, HttpStatusCode.OK);
        Assert.Contains($"Embargoed story {suffix}", tagPage.Body!.TextContent);
    }

    [Theory]
    [InlineData("x?cc=attacker%40evil.example&subject=@example.com")]
    [InlineData("x&cc=attacker@evil.example")]
    [InlineData("a%0d%0abcc:evil@example.com")]
    [InlineData("name#frag@example.com")]
    [InlineData("reader@localhost")]
    public async Task A_reader_address_that_could_add_recipients_or_a_subject_to_a_reply_is_refused(string email)
    {
        Assert.False(MessageRules.IsEmailAddress(email));
        var before = await portal.WithDbAsync(db => db.Messages.CountAsync());
        var reader = portal.Reader();
        var (_, form) = await Html.GetAsync(reader, "/message");

        var response = await Html.SubmitAsync(reader, form, "main form", new Dictionary<string, string>
        {
            ["name"] = "Planted Address",
            ["email"] = email,
            ["subject"] = "Question",
            ["message"] = "Please reply.",
        });

        Html.AssertStatus(response, HttpStatusCode.UnprocessableEntity);
        Assert.Contains("Enter an email address in the form name@example.com.", Answers.ErrorsOn(await Html.ParseAsync(response)));
        Assert.Equal(before, await portal.WithDbAsync(db => db.Messages.CountAsync()));
    }

    [Fact]
    public async Task An_address_stored_before_the_stricter_check_is_only_ever_the_recipient_of_the_reply_link()
    {
        const string Planted = "x?cc=attacker%40evil.example&subject=Urgent@example.com";
        var id = await portal.WithDbAsync(async db =>
        {
            var message = new Message
            {
                Reference = "NP-" + Guid.NewGuid().ToString("N")[..4].ToUpperInvariant() + "-" + Guid.NewGuid().ToString("N")[..4].ToUpperInvariant(),
                Name = "Old Message",
                Email = Planted,
                Subject = "Stored long ago",
                Body = "Hello",
                ReceivedAt = portal.Clock.GetUtcNow().UtcDateTime,
            };
            db.Messages.Add(message);
            await db.SaveChangesAsync();
            return message.Id;
        });
        var moderator = await portal.StaffAsync(StaffRoles.Moderator);

        var (response, page) = await Html.GetAsync(moderator, $"/staff/inbox/{id}");

        Html.AssertStatus(response, HttpStatusCode.OK);
        var href = page.QuerySelectorAll("a[href^='mailto:']").Select(a => a.GetAttribute("href")!).Single(h => h.Contains("example.com", StringComparison.Ordinal));
        Assert.Equal("mailto:x%3Fcc%3Dattacker%2540evil.example%26subject%3DUrgent@example.com", href);
        Assert.DoesNotContain('?', href);
        Assert.DoesNotContain('&', href);
    }

    public static TheoryData<string, string, string> OverLimitBodies() => new()
    {
        { "preview", new string('a', ArticleLimits.Body + 1), "at most 200,000 characters" },
        { "preview", string.Join("\n", Enumerable.Repeat(string.Concat(Enumerable.Repeat("- ", 2000)) + "x", 40)), "nested too deeply" },
        { "preview", string.Concat(Enumerable.Repeat("> ", 500)) + "deep quote", "nested too deeply" },
        { "preview", string.Join("\n", Enumerable.Range(0, 300).Select(i => new string(' ', 2 * i) + "- item")), "nested too deeply" },
        { "preview", new string('[', 60_000) + "x" + new string(']', 60_000), "nested too deeply" },
        { "save-draft", string.Join("\n", Enumerable.Repeat(string.Concat(Enumerable.Repeat("- ", 2000)) + "x", 40)), "nested too deeply" },
        { "save-draft", new string('*', 60_000) + "x" + new string('*', 60_000), "nested too deeply" },
    };

    [Theory]
    [MemberData(nameof(OverLimitBodies))]
    public async Task A_body_over_the_limits_is_explained_beside_the_field_on_preview_as_on_save(string command, string body, string explanation)
    {
        var editor = await portal.StaffAsync(StaffRoles.Editor);
        var before = await portal.WithDbAsync(db => db.Articles.CountAsync());

        var response = await ArticleForms.SubmitAsync(editor, ArticleForms.NewArticle, command, new Dictionary<string, string>
        {
            ["Input.Headline"] = "Limits of the preview",
            ["Input.SectionId"] = (await ArticleForms.SectionIdAsync(portal)).ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["Input.Body"] = body,
        });

        var page = await Answers.AssertRefusedAsync(response, HttpStatusCode.BadRequest);
        var beside = page.QuerySelector("[name='Input.Body']")!.ParentElement!.QuerySelector(".field-error")?.TextContent ?? "";
        Assert.Contains(explanation, beside);
        Assert.Null(page.QuerySelector(".preview article, #preview"));
        Assert.Equal(before, await portal.WithDbAsync(db => db.Articles.CountAsync()));
    }

    [Fact]
    public async Task A_preview_value_over_the_form_value_limit_is_refused_as_everywhere_else()
    {
        var editor = await portal.StaffAsync(StaffRoles.Editor);
        var (_, form) = await Html.GetAsync(editor, ArticleForms.NewArticle);
        var token = form.QuerySelector("input[name=__RequestVerificationToken]")!.GetAttribute("value")!;
        using var content = new MultipartFormDataContent
        {
            { new StringContent(token), "__RequestVerificationToken" },
            { new StringContent("preview"), "Command" },
            { new StringContent("Huge preview"), "Input.Headline" },
            { new StringContent(new string('b', 1024 * 1024)), "Input.Body" },
        };

        var response = await editor.PostAsync(ArticleForms.NewArticle, content);

        await Answers.AssertRefusedAsync(response, HttpStatusCode.BadRequest);
    }
}
