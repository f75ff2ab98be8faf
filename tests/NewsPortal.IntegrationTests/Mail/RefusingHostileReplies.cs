using System.Net;
using AngleSharp.Dom;
using NewsPortal.Core.Mail;
using NewsPortal.Core.Staff;
using NewsPortal.IntegrationTests.Infrastructure;

namespace NewsPortal.IntegrationTests.Mail;

/// <summary>
/// Hostile input in a reply: header injection through the subject or the address, a 1 MB reply, control
/// characters. Each is refused beside its field with a clear message (nothing stored or sent), or cleaned so that
/// the mail that arrives has one subject line, one recipient and no control characters.
/// </summary>
public sealed class RefusingHostileReplies(MailFactory factory) : IClassFixture<MailFactory>
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(30);

    [Fact]
    public async Task Line_breaks_in_the_subject_cannot_add_headers_or_recipients()
    {
        var (reference, id) = await Replies.LeaveMessageAsync(factory, "Injected subject");
        var moderator = await Staff.SignedInClientAsync(factory, StaffRoles.Moderator);

        var sent = await Replies.SendAsync(moderator, id, new Dictionary<string, string>
        {
            ["ReplySubject"] = "Hello\r\nBcc: victim@example.org\r\n\r\nInjected body",
            ["ReplyText"] = "An answer.",
        });

        Assert.Equal(HttpStatusCode.Redirect, sent.StatusCode);
        await Replies.WaitForStateAsync(factory, id, MailState.Sent, Patience);
        var mail = Assert.Single(factory.Smtp.Received, m => m.Raw.Contains(reference, StringComparison.Ordinal));
        Assert.Equal(["li.wei@example.cn"], mail.Recipients);
        Assert.Empty(mail.Message.Bcc);
        Assert.Equal($"Hello Bcc: victim@example.org Injected body [{reference}]", mail.Message.Subject);
        Assert.DoesNotContain("\nBcc:", mail.Raw, StringComparison.OrdinalIgnoreCase);
    }

    [Theory]
    [InlineData("li.wei@example.cn\r\nBcc: victim@example.org")]
    [InlineData("li.wei@example.cn, victim@example.org")]
    [InlineData("Li Wei <li.wei@example.cn>")]
    [InlineData("li.wei@example.cn\u0000")]
    [InlineData("not an address")]
    public async Task An_address_that_is_not_one_plain_address_is_refused_beside_the_field(string to)
    {
        var (_, id) = await Replies.LeaveMessageAsync(factory, "Injected address");
        var moderator = await Staff.SignedInClientAsync(factory, StaffRoles.Moderator);

        var response = await Replies.SendAsync(moderator, id, new Dictionary<string, string> { ["ReplyTo"] = to, ["ReplyText"] = "An answer." });

        if (to.Contains('\0', StringComparison.Ordinal))
        {
            // A NUL never reaches a page: the site refuses every form holding one.
            Html.AssertStatus(response, HttpStatusCode.BadRequest);
        }
        else
        {
            Html.AssertStatus(response, HttpStatusCode.UnprocessableEntity);
            var page = await Html.ParseAsync(response);
            Assert.Equal("Enter one email address in the form name@example.com, with no name, comma or line break around it.", page.Text("#reply-to-error"));
            Assert.Equal("An answer.", page.QuerySelector("#ReplyText")!.TextContent);
        }

        Assert.Empty(await Replies.StoredAsync(factory, id));
    }

    [Fact]
    public async Task A_reply_of_a_megabyte_is_refused_with_its_length_and_nothing_is_stored()
    {
        var (_, id) = await Replies.LeaveMessageAsync(factory, "Huge reply");
        var moderator = await Staff.SignedInClientAsync(factory, StaffRoles.Moderator);

        var response = await Replies.SendAsync(moderator, id, new Dictionary<string, string> { ["ReplyText"] = new string('x', 1024 * 1024) });

        Html.AssertStatus(response, HttpStatusCode.UnprocessableEntity);
        var page = await Html.ParseAsync(response);
        Assert.Equal("A reply can be at most 20,000 characters; this one has 1,048,576. Please shorten it.", page.Text("#reply-text-error"));
        Assert.Empty(await Replies.StoredAsync(factory, id));
    }

    [Fact]
    public async Task Control_and_bidi_characters_are_removed_from_the_reply_that_is_sent()
    {
        var (reference, id) = await Replies.LeaveMessageAsync(factory, "Control characters");
        var moderator = await Staff.SignedInClientAsync(factory, StaffRoles.Moderator);

        var sent = await Replies.SendAsync(moderator, id, new Dictionary<string, string>
        {
            ["ReplySubject"] = "Re\u0007: \u202Eevil\u202C subject",
            ["ReplyText"] = "First\u0007 line\u001b[31m\r\nSecond\u200B line\u202E",
        });

        Assert.Equal(HttpStatusCode.Redirect, sent.StatusCode);
        await Replies.WaitForStateAsync(factory, id, MailState.Sent, Patience);
        var mail = Assert.Single(factory.Smtp.Received, m => m.Raw.Contains(reference, StringComparison.Ordinal)).Message;
        Assert.Equal($"Re: evil subject [{reference}]", mail.Subject);
        Assert.StartsWith("First line[31m\nSecond line\n", (mail.TextBody ?? "").ReplaceLineEndings("\n"));
    }

    [Fact]
    public async Task An_empty_reply_is_refused_beside_the_field()
    {
        var (_, id) = await Replies.LeaveMessageAsync(factory, "Empty reply");
        var moderator = await Staff.SignedInClientAsync(factory, StaffRoles.Moderator);

        var response = await Replies.SendAsync(moderator, id, new Dictionary<string, string> { ["ReplyText"] = " \r\n " });

        Html.AssertStatus(response, HttpStatusCode.UnprocessableEntity);
        IDocument page = await Html.ParseAsync(response);
        Assert.Equal("Write the reply before sending it.", page.Text("#reply-text-error"));
        Assert.Empty(await Replies.StoredAsync(factory, id));
    }
}
