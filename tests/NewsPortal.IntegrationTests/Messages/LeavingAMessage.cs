using System.Net;
using Microsoft.EntityFrameworkCore;
using NewsPortal.Core.Messages;
using NewsPortal.IntegrationTests.Infrastructure;

namespace NewsPortal.IntegrationTests.Messages;

public sealed class LeavingAMessage(MessagesFactory factory) : IClassFixture<MessagesFactory>
{
    [Fact]
    public async Task The_form_asks_for_name_email_subject_and_message_with_a_token_and_a_hidden_trap()
    {
        var (response, page) = await Html.GetAsync(factory.CreateBrowserClient(), "/message");

        Html.AssertStatus(response, HttpStatusCode.OK);
        Assert.Equal("Leaving a message", page.Text("main h1"));
        var form = page.QuerySelector("form.message-form")!;
        Assert.Equal(["name", "email", "subject", "message", "copy"], form.QuerySelectorAll(".field label").Select(l => l.GetAttribute("for")));
        Assert.Equal("email", form.QuerySelector("#email")!.GetAttribute("type"));
        Assert.Equal("5000", form.QuerySelector("#message")!.GetAttribute("maxlength"));
        Assert.NotNull(form.QuerySelector("input[name=__RequestVerificationToken]"));
        Assert.Equal("hp", form.QuerySelector("#website")!.ParentElement!.ClassName);
        Assert.Contains("no-store", response.Headers.CacheControl!.ToString());
    }

    [Fact]
    public async Task A_valid_message_is_stored_before_the_reader_sees_its_reference()
    {
        var reader = factory.CreateBrowserClient();
        var values = MessageForm.Valid(subject: "Opening hours of the new library");

        var sent = await MessageForm.SendAsync(reader, values);

        Html.AssertStatus(sent, HttpStatusCode.SeeOther);
        var location = sent.Headers.Location!.OriginalString;
        Assert.Matches("^/message/thanks\\?ref=NP-[0-9A-Z]{4}-[0-9A-Z]{4}$", location);
        var reference = location.Split("ref=")[1];
        var stored = await factory.WithDbAsync(db => db.Messages.SingleAsync(m => m.Reference == reference));
        Assert.Equal(("Li Wei", "li.wei@example.cn", "Opening hours of the new library", "When does the new bus route start?\nThank you.", MessageStatus.New),
            (stored.Name, stored.Email, stored.Subject, stored.Body, stored.Status));
        Assert.Equal(factory.Clock.GetUtcNow().UtcDateTime, stored.ReceivedAt, TimeSpan.FromSeconds(1));

        var (thanks, page) = await Html.GetAsync(reader, location);
        Html.AssertStatus(thanks, HttpStatusCode.OK);
        Assert.Equal(reference, page.Text("#message-reference"));
    }

    [Fact]
    public async Task An_invalid_message_comes_back_with_its_errors_and_what_the_reader_typed()
    {
        var reader = factory.CreateBrowserClient();
        var before = await factory.WithDbAsync(db => db.Messages.CountAsync());
        var longName = new string('名', MessageLimits.Name + 1);

        var response = await MessageForm.SendAsync(reader, new Dictionary<string, string>
        {
            ["name"] = longName,
            ["email"] = "li.wei at example.cn",
            ["subject"] = "   ",
            ["message"] = "My message about <b>roads</b> & \"bridges\"",
        });

        Html.AssertStatus(response, HttpStatusCode.UnprocessableEntity);
        var page = await Html.ParseAsync(response);
        Assert.Equal(
            [$"Your name is 101 characters long; the limit is 100. Please shorten it.", "Enter an email address in the form name@example.com.", "Enter a subject."],
            page.QuerySelectorAll(".error-summary li a").Select(a => a.TextContent.Trim()));
        Assert.Equal(["#name", "#email", "#subject"], page.QuerySelectorAll(".error-summary li a").Select(a => a.GetAttribute("href")));
        Assert.Equal("Error: Enter a subject.", page.Text("#subject-error"));
        Assert.Equal("true", page.QuerySelector("#email")!.GetAttribute("aria-invalid"));
        Assert.Contains("email-error", page.QuerySelector("#email")!.GetAttribute("aria-describedby"));
        Assert.Null(page.QuerySelector("#message")!.GetAttribute("aria-invalid"));
        Assert.Equal(longName, page.Value("name"));
        Assert.Equal("li.wei at example.cn", page.Value("email"));
        Assert.Equal("My message about <b>roads</b> & \"bridges\"", page.Value("message"));
        Assert.StartsWith("Error:", page.Title);
        Assert.Equal(before, await factory.WithDbAsync(db => db.Messages.CountAsync()));

        // Corrected and sent again from the same page, it goes through.
        var fixedUp = await Html.SubmitAsync(reader, page, "form.message-form", new Dictionary<string, string>
        {
            ["name"] = "Li Wei",
            ["email"] = "li.wei@example.cn",
            ["subject"] = "Roads",
        });
        Html.AssertStatus(fixedUp, HttpStatusCode.SeeOther);
    }

    [Fact]
    public async Task A_message_without_the_antiforgery_token_is_refused()
    {
        var reader = factory.CreateBrowserClient();
        var before = await factory.WithDbAsync(db => db.Messages.CountAsync());

        var response = await reader.PostAsync("/message", new FormUrlEncodedContent(MessageForm.Valid("No token")));

        Html.AssertStatus(response, HttpStatusCode.BadRequest);
        var page = await Html.ParseAsync(response);
        Assert.Contains("Your message was not sent", page.Text(".error-summary"));
        Assert.Equal("No token", page.Value("subject"));
        Assert.NotNull(page.QuerySelector("form.message-form input[name=__RequestVerificationToken]"));
        Assert.Equal(before, await factory.WithDbAsync(db => db.Messages.CountAsync()));
    }

    [Fact]
    public async Task A_token_from_another_browser_is_refused()
    {
        var (_, elsewhere) = await Html.GetAsync(factory.CreateBrowserClient(), "/message");
        var victim = factory.CreateBrowserClient();
        await victim.GetAsync("/message");

        var response = await Html.SubmitAsync(victim, elsewhere, "form.message-form", MessageForm.Valid("Forged"));

        Html.AssertStatus(response, HttpStatusCode.BadRequest);
        Assert.False(await factory.WithDbAsync(db => db.Messages.AnyAsync(m => m.Subject == "Forged")));
    }

    [Fact]
    public async Task A_filled_in_honeypot_files_the_message_as_spam_behind_the_same_thank_you_page()
    {
        var reader = factory.CreateBrowserClient();
        var values = MessageForm.Valid("Cheap watches");
        values["website"] = "http://spam.example";

        var reference = await MessageForm.LeaveAsync(reader, values);

        var stored = await factory.WithDbAsync(db => db.Messages.SingleAsync(m => m.Reference == reference));
        Assert.Equal(MessageStatus.Spam, stored.Status);
        Assert.Contains("honeypot", stored.SpamReason);
    }

    [Fact]
    public async Task Each_thank_you_page_shows_its_own_reference()
    {
        var reader = factory.CreateBrowserClient();
        var first = await MessageForm.LeaveAsync(reader, MessageForm.Valid("First of two"));
        var second = await MessageForm.LeaveAsync(reader, MessageForm.Valid("Second of two"));

        var (firstResponse, firstPage) = await Html.GetAsync(factory.CreateBrowserClient(), $"/message/thanks?ref={first}");
        var (_, secondPage) = await Html.GetAsync(factory.CreateBrowserClient(), $"/message/thanks?ref={second}");

        Assert.NotEqual(first, second);
        Assert.Equal(first, firstPage.Text("#message-reference"));
        Assert.Equal(second, secondPage.Text("#message-reference"));
        Assert.Contains("no-store", firstResponse.Headers.CacheControl!.ToString());
    }

    [Theory]
    [InlineData("NP-0000-0000")]
    [InlineData("")]
    [InlineData("<script>")]
    public async Task The_thank_you_page_shows_only_a_reference_that_exists(string reference)
    {
        var response = await factory.CreateBrowserClient().GetAsync($"/message/thanks?ref={Uri.EscapeDataString(reference)}");

        Html.AssertStatus(response, HttpStatusCode.NotFound);
        var page = await Html.ParseAsync(response);
        Assert.Null(page.QuerySelector("#message-reference"));
        Assert.DoesNotContain("reference number", page.Text("main"));
    }

    [Fact]
    public async Task An_oversized_post_is_refused_with_a_clear_page()
    {
        var values = MessageForm.Valid();
        values["message"] = new string('x', 200_000);

        var response = await MessageForm.SendAsync(factory.CreateBrowserClient(), values);

        Html.AssertStatus(response, HttpStatusCode.BadRequest);
        Assert.Contains("shorten it to 5,000 characters", (await Html.ParseAsync(response)).Text("main"));
    }
}
