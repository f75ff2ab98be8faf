using NewsPortal.Core.Messages;

namespace NewsPortal.UnitTests.Messages;

public sealed class ValidatingMessages
{
    private static MessageCheck Check(string? name = "Li Wei", string? email = "li.wei@example.cn", string? subject = "Bus route 114", string? body = "When does it start?") =>
        MessageRules.Check(new MessageInput(name, email, subject, body));

    [Fact]
    public void A_complete_message_passes_trimmed()
    {
        var check = Check(name: "  Li Wei ", body: "Line one\r\nLine two\r\n");

        Assert.True(check.IsValid);
        Assert.Equal("Li Wei", check.Message.Name);
        Assert.Equal("Line one\nLine two", check.Message.Body);
    }

    [Fact]
    public void Every_missing_field_is_named()
    {
        var check = Check(name: " ", email: null, subject: "", body: "\r\n");

        Assert.Equal(
            ["email", "message", "name", "subject"],
            check.Errors.Keys.Order(StringComparer.Ordinal));
        Assert.Equal("Enter your name.", check.Errors["name"]);
    }

    [Theory]
    [InlineData(MessageRules.NameField, MessageLimits.Name)]
    [InlineData(MessageRules.SubjectField, MessageLimits.Subject)]
    [InlineData(MessageRules.BodyField, MessageLimits.Body)]
    public void Text_over_the_limit_is_refused_with_its_length(string field, int limit)
    {
        var tooLong = new string('x', limit + 1);
        var check = field switch
        {
            MessageRules.NameField => Check(name: tooLong),
            MessageRules.SubjectField => Check(subject: tooLong),
            _ => Check(body: tooLong),
        };

        Assert.Contains($"{limit + 1:N0} characters", check.Errors[field]);
        Assert.Single(check.Errors);
        Assert.True(Check(name: new string('x', MessageLimits.Name), body: new string('y', MessageLimits.Body)).IsValid);
    }

    [Theory]
    [InlineData("name@example.com")]
    [InlineData("first.last+news@mail.example.cn")]
    [InlineData("12345@qq.com")]
    [InlineData("读者@例子.中国")]
    public void Ordinary_addresses_are_accepted(string email)
    {
        Assert.True(MessageRules.IsEmailAddress(email), email);
    }

    [Theory]
    [InlineData("plainaddress")]
    [InlineData("@example.com")]
    [InlineData("name@")]
    [InlineData("name@example")]
    [InlineData("name@@example.com")]
    [InlineData("na me@example.com")]
    [InlineData("name@example..com")]
    [InlineData(".name@example.com")]
    [InlineData("Li Wei <li@example.com>")]
    [InlineData("name@-example.com")]
    public void Malformed_addresses_are_refused(string email)
    {
        Assert.False(MessageRules.IsEmailAddress(email), email);
        Assert.Equal("Enter an email address in the form name@example.com.", Check(email: email).Errors["email"]);
    }

    [Fact]
    public void Control_characters_are_stripped_and_line_breaks_kept_only_in_the_message()
    {
        var check = Check(name: "Li\u0000 \t Wei\u0007", subject: "Two\r\nlines", body: "Hello\u0000\u001b[31m\tthere\u202Eevil\nbye");

        Assert.True(check.IsValid);
        Assert.Equal("Li Wei", check.Message.Name);
        Assert.Equal("Two lines", check.Message.Subject);
        Assert.Equal("Hello[31m\tthereevil\nbye", check.Message.Body);
    }

    [Fact]
    public void A_field_of_nothing_but_control_characters_counts_as_empty()
    {
        var check = Check(subject: "\u0001\u0002\u200B");

        Assert.Equal("Enter a subject.", check.Errors["subject"]);
    }
}
