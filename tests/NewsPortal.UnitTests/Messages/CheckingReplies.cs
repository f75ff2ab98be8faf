using NewsPortal.Core.Messages;

namespace NewsPortal.UnitTests.Messages;

public sealed class CheckingReplies
{
    private const string Reference = "NP-3EEB-PQHT";

    [Fact]
    public void A_subject_without_the_reference_gets_it_and_line_breaks_become_spaces()
    {
        var check = MessageReplies.Check(new ReplyInput("reader@example.org", "Hello\r\nBcc: x@example.org", "Text"), Reference);

        Assert.True(check.IsValid);
        Assert.Equal("Hello Bcc: x@example.org [NP-3EEB-PQHT]", check.Subject);
    }

    [Fact]
    public void The_default_subject_keeps_the_reference_once()
    {
        var subject = MessageReplies.DefaultSubject("Bus route", Reference);

        Assert.Equal(subject, MessageReplies.Check(new ReplyInput("reader@example.org", subject, "Text"), Reference).Subject);
    }

    [Theory]
    [InlineData("a@example.org, b@example.org")]
    [InlineData("a@example.org\nBcc: b@example.org")]
    [InlineData("Name <a@example.org>")]
    [InlineData("a@example.org\u0007")]
    [InlineData("")]
    public void Anything_but_one_plain_address_is_refused(string to) =>
        Assert.Contains(MessageReplies.ToField, MessageReplies.Check(new ReplyInput(to, "Subject", "Text"), Reference).Errors.Keys);

    [Fact]
    public void A_reply_over_the_limit_is_refused_with_its_length()
    {
        var check = MessageReplies.Check(new ReplyInput("a@example.org", "Subject", new string('x', MessageReplies.MaxText + 1)), Reference);

        Assert.Equal("A reply can be at most 20,000 characters; this one has 20,001. Please shorten it.", check.Errors[MessageReplies.TextField]);
    }

    [Fact]
    public void Control_characters_are_removed_from_the_text()
    {
        var check = MessageReplies.Check(new ReplyInput("a@example.org", "Subject", "One\u0007 two\u202E\r\nthree"), Reference);

        Assert.Equal("One two\nthree", check.Text);
    }
}
