using System.Net;
using System.Net.Http.Headers;
using System.Text;
using Microsoft.EntityFrameworkCore;
using NewsPortal.Core.Messages;
using NewsPortal.Core.Staff;
using NewsPortal.IntegrationTests.Infrastructure;
using NewsPortal.IntegrationTests.Messages;

namespace NewsPortal.IntegrationTests.Hostile;

/// <summary>
/// The message form (GET/POST /message and the thank-you page) under hostile input. A value is either kept as
/// text, cleaned of control characters, and shown inert to the staff who read it, or refused with a message
/// beside the field and nothing stored.
/// </summary>
public sealed class SendingHostileMessages(HostilePortal portal) : IClassFixture<HostilePortal>
{
    private static readonly string[] Fields = ["name", "email", "subject", "message"];

    public static TheoryData<string, string> EveryFieldWithEveryValue()
    {
        var data = new TheoryData<string, string>();
        foreach (var field in Fields)
        {
            foreach (var text in HostileText.All)
            {
                data.Add(field, text.Name);
            }
        }

        return data;
    }

    private Task<int> CountAsync() => portal.WithDbAsync(db => db.Messages.CountAsync());

    [Theory]
    [MemberData(nameof(EveryFieldWithEveryValue))]
    public async Task A_hostile_value_in_a_field_is_kept_as_inert_text_or_refused_beside_the_field(string field, string name)
    {
        var text = HostileText.Named(name);
        var reader = portal.Reader();
        var values = MessageForm.Valid($"Hostile {field}: {name}");
        values[field] = text.Value;
        var expected = field == "message" ? text.Lines : field == "email" ? null : text.OneLine;
        var before = await CountAsync();

        var response = await MessageForm.SendAsync(reader, values);

        if (text.Unreadable)
        {
            var unread = await Answers.AssertRefusedAsync(response, HttpStatusCode.BadRequest, "We could not read what was sent");
            Answers.AssertInert(unread);
            Assert.Equal(before, await CountAsync());
            return;
        }

        if (expected is null)
        {
            var page = await Answers.AssertRefusedAsync(response, HttpStatusCode.UnprocessableEntity, "Please correct this before sending");
            Assert.False(string.IsNullOrWhiteSpace(page.Text($"#{field}-error")), $"No message beside {field}");
            Assert.Equal(before, await CountAsync());
            Answers.AssertInert(page);
            return;
        }

        Html.AssertStatus(response, HttpStatusCode.SeeOther);
        var (thanks, thanksPage) = await Html.GetAsync(reader, response.Headers.Location!.OriginalString);
        Html.AssertStatus(thanks, HttpStatusCode.OK);
        var reference = thanksPage.Text("#message-reference");
        var stored = await portal.WithDbAsync(db => db.Messages.AsNoTracking().SingleAsync(m => m.Reference == reference));
        Assert.Equal(expected, field switch
        {
            "name" => stored.Name,
            "subject" => stored.Subject,
            _ => stored.Body,
        });
        Assert.Equal(before + 1, await CountAsync());

        // What the reader sent is text on the moderator's pages, never markup.
        var moderator = await portal.StaffAsync(StaffRoles.Moderator);
        var (opened, messagePage) = await Html.GetAsync(moderator, $"/staff/inbox/{stored.Id}");
        Html.AssertStatus(opened, HttpStatusCode.OK);
        Answers.AssertInert(messagePage);
        Assert.True(Answers.ShowsText(messagePage, expected), $"The moderator does not see {name} as text");
        var (listed, inbox) = await Html.GetAsync(moderator, "/staff/inbox?tab=read&q=" + Uri.EscapeDataString(reference));
        Html.AssertStatus(listed, HttpStatusCode.OK);
        Answers.AssertInert(inbox);
        Assert.Contains(reference, inbox.Text("main"));
    }

    public static TheoryData<string> RawBodies() =>
    [
        "invalid UTF-8 bytes", "no antiforgery token",
        "another reader's token", "JSON instead of a form", "a body over the form limit", "a body over the server limit",
        "a thousand fields", "a field name of 10,000 characters", "multipart with the message as a file",
        "multipart with a NUL in the message",
    ];

    [Theory]
    [MemberData(nameof(RawBodies))]
    public async Task A_malformed_post_is_refused_with_a_page_that_says_why_and_nothing_is_stored(string kind)
    {
        var reader = portal.Reader();
        var (_, form) = await Html.GetAsync(reader, "/message");
        var token = form.QuerySelector("input[name=__RequestVerificationToken]")!.GetAttribute("value")!;
        var valid = $"__RequestVerificationToken={Uri.EscapeDataString(token)}&name=Li+Wei&email=li.wei%40example.cn&subject=Roads";
        var before = await CountAsync();

        HttpContent content = kind switch
        {
            "invalid UTF-8 bytes" => Bytes([.. Encoding.ASCII.GetBytes(valid + "&message=caf"), 0xFF, 0xFE, 0xC3, 0x28]),
            "no antiforgery token" => Form("name=Li+Wei&email=li.wei%40example.cn&subject=Roads&message=Hello"),
            "another reader's token" => Form(valid.Replace(Uri.EscapeDataString(token), Uri.EscapeDataString(await OtherTokenAsync()), StringComparison.Ordinal) + "&message=Hello"),
            "JSON instead of a form" => new StringContent("{\"name\":\"Li Wei\",\"message\":\"Hello\"}", Encoding.UTF8, "application/json"),
            "a body over the form limit" => Form(valid + "&message=" + new string('x', 200 * 1024)),
            "a body over the server limit" => Form(valid + "&message=" + new string('x', 13 * 1024 * 1024)),
            "a thousand fields" => Form(valid + "&message=Hello" + string.Concat(Enumerable.Range(0, 1000).Select(i => $"&f{i}=1"))),
            "a field name of 10,000 characters" => Form(valid + "&message=Hello&" + new string('k', 10_000) + "=1"),
            "multipart with the message as a file" => Multipart(token),
            "multipart with a NUL in the message" => MultipartWithNul(token),
            _ => throw new ArgumentOutOfRangeException(nameof(kind)),
        };
        using var request = new HttpRequestMessage(HttpMethod.Post, "/message") { Content = content };
        request.Headers.ExpectContinue = true;
        var response = await reader.SendAsync(request);

        var (status, says) = kind switch
        {
            "multipart with the message as a file" => (HttpStatusCode.UnprocessableEntity, "Please correct this before sending"),
            "no antiforgery token" or "another reader's token" => (HttpStatusCode.BadRequest, "could not confirm that the form came from this site"),
            _ => (HttpStatusCode.BadRequest, "We could not read what was sent"),
        };
        var page = await Answers.AssertRefusedAsync(response, status, says);
        Answers.AssertInert(page);
        Assert.Equal(before, await CountAsync());
    }

    [Theory]
    [InlineData("caf%FF%FE%C3%28")]
    [InlineData("%C0%AE%C0%AE%C0%AFetc%C0%AFpasswd")]
    public async Task Percent_escapes_that_are_not_UTF_8_are_refused_and_nothing_is_stored(string sent)
    {
        var reader = portal.Reader();
        var (_, form) = await Html.GetAsync(reader, "/message");
        var token = form.QuerySelector("input[name=__RequestVerificationToken]")!.GetAttribute("value")!;
        var before = await CountAsync();

        var response = await reader.PostAsync("/message", Form(
            $"__RequestVerificationToken={Uri.EscapeDataString(token)}&name=Li+Wei&email=li.wei%40example.cn&subject=Escapes&message={sent}"));

        var page = await Answers.AssertRefusedAsync(response, HttpStatusCode.BadRequest, "We could not read what was sent");
        Answers.AssertInert(page);
        Assert.Equal(before, await CountAsync());
    }

    [Theory]
    [InlineData("?name=%3Cscript%3Ealert(1)%3C%2Fscript%3E&email=x&utm_source=%FF%FE")]
    [InlineData("?%00=%00&message=%3Chostile-tag%20data-hostile%3E")]
    [InlineData("?message=" + "aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa")]
    public async Task Unknown_or_hostile_query_parameters_leave_the_form_empty(string query)
    {
        var (response, page) = await Html.GetAsync(portal.Reader(), "/message" + query);

        Html.AssertStatus(response, HttpStatusCode.OK);
        Answers.AssertInert(page);
        Assert.All(Fields, f => Assert.Equal("", page.Value(f)));
    }

    [Theory]
    [InlineData("<script>alert(1)</script>")]
    [InlineData("NP-0000-0000")]
    [InlineData("../../etc/passwd")]
    [InlineData("NP-%00%00-0000")]
    [InlineData("' OR 1=1 --")]
    [InlineData("%FF%FE")]
    public async Task A_thank_you_page_for_a_reference_that_was_never_given_is_a_404(string reference)
    {
        var response = await portal.Reader().GetAsync("/message/thanks?ref=" + reference);

        var page = await Answers.AssertRefusedAsync(response, HttpStatusCode.NotFound, "We could not find that page");
        Answers.AssertInert(page);
    }

    [Fact]
    public async Task A_filled_in_honeypot_with_script_is_filed_as_spam_and_shown_inert()
    {
        var reader = portal.Reader();
        var values = MessageForm.Valid("Honeypot");
        values["website"] = "<script>alert('bot')</script>";

        var reference = await MessageForm.LeaveAsync(reader, values);

        var stored = await portal.WithDbAsync(db => db.Messages.AsNoTracking().SingleAsync(m => m.Reference == reference));
        Assert.Equal(MessageStatus.Spam, stored.Status);
        var (_, page) = await Html.GetAsync(await portal.StaffAsync(StaffRoles.Moderator), $"/staff/inbox/{stored.Id}");
        Answers.AssertInert(page);
    }

    private async Task<string> OtherTokenAsync()
    {
        var (_, page) = await Html.GetAsync(portal.Reader(), "/message");
        return page.QuerySelector("input[name=__RequestVerificationToken]")!.GetAttribute("value")!;
    }

    private static ByteArrayContent Bytes(byte[] body)
    {
        var content = new ByteArrayContent(body);
        content.Headers.ContentType = new MediaTypeHeaderValue("application/x-www-form-urlencoded");
        return content;
    }

    private static ByteArrayContent Form(string body) => Bytes(Encoding.ASCII.GetBytes(body));

    /// <summary>A Razor Page answers 400 to this; the message form is held to the same form rules.</summary>
    private static MultipartFormDataContent MultipartWithNul(string token) => new()
    {
        { new StringContent(token), "__RequestVerificationToken" },
        { new StringContent("Li Wei"), "name" },
        { new StringContent("li.wei@example.cn"), "email" },
        { new StringContent("Roads"), "subject" },
        { new StringContent("Hello\0there"), "message" },
    };

    private static MultipartFormDataContent Multipart(string token)
    {
        var content = new MultipartFormDataContent
        {
            { new StringContent(token), "__RequestVerificationToken" },
            { new StringContent("Li Wei"), "name" },
            { new StringContent("li.wei@example.cn"), "email" },
            { new StringContent("Roads"), "subject" },
        };
        content.Add(new ByteArrayContent(Encoding.UTF8.GetBytes("<script>alert(1)</script>")), "message", "message.html");
        return content;
    }
}
