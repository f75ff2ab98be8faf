using System.Text.RegularExpressions;
using NewsPortal.Core.Text;

namespace NewsPortal.Core.Messages;

/// <summary>What a reader typed into the message form, as received.</summary>
public sealed record MessageInput(string? Name, string? Email, string? Subject, string? Body);

/// <summary>The message after clean-up: trimmed, line breaks normalised, control characters removed.</summary>
public sealed record CleanMessage(string Name, string Email, string Subject, string Body);

/// <summary>
/// The cleaned message and, by field name ("name", "email", "subject", "message"), what is wrong with it: as
/// sentences the reader's page translates (<see cref="Problems"/>), and in English (<see cref="Errors"/>).
/// </summary>
public sealed record MessageCheck(CleanMessage Message, IReadOnlyDictionary<string, ReaderText> Problems)
{
    public IReadOnlyDictionary<string, string> Errors { get; } = Problems.ToDictionary(p => p.Key, p => p.Value.ToString(), StringComparer.Ordinal);

    public bool IsValid => Problems.Count == 0;
}

/// <summary>The rules a message must meet before it is stored.</summary>
public static partial class MessageRules
{
    public const string NameField = "name";
    public const string EmailField = "email";
    public const string SubjectField = "subject";
    public const string BodyField = "message";

    public static MessageCheck Check(MessageInput input)
    {
        var message = new CleanMessage(
            SingleLine(input.Name),
            SingleLine(input.Email),
            SingleLine(input.Subject),
            MultiLine(input.Body));
        var errors = new Dictionary<string, ReaderText>(StringComparer.Ordinal);

        Require(errors, NameField, message.Name, MessageLimits.Name, "Enter your name.", "Your name");
        if (Require(errors, EmailField, message.Email, MessageLimits.Email, "Enter your email address, so that we can answer you.", "Your email address")
            && !IsEmailAddress(message.Email))
        {
            errors[EmailField] = "Enter an email address in the form name@example.com.";
        }

        Require(errors, SubjectField, message.Subject, MessageLimits.Subject, "Enter a subject.", "The subject");
        Require(errors, BodyField, message.Body, MessageLimits.Body, "Enter your message.", "Your message");
        return new MessageCheck(message, errors);
    }

    /// <summary>
    /// True for an address mail is really delivered to, like name@example.com: a local part of letters, digits and
    /// . _ + - ' (no leading, trailing or doubled dot; at most 64 characters) and a domain of at least two labels
    /// of letters, digits and inner hyphens, ending in a name (not digits). Internationalised letters are allowed.
    /// The rarer characters RFC 5322 permits in a local part (? = &amp; % # / ! and the like) are refused: no
    /// mailbox a reader has needs them, and they are what turns an address into a link carrying extra recipients
    /// or a subject ("x?cc=someone@evil.example&amp;subject=").
    /// </summary>
    public static bool IsEmailAddress(string value) =>
        value.Length <= MessageLimits.Email && value.IndexOf('@') is > 0 and <= 64 && EmailPattern().IsMatch(value);

    /// <summary>One line of text, as <see cref="PlainText.SingleLine"/> cleans it.</summary>
    public static string SingleLine(string? value) => PlainText.SingleLine(value);

    /// <summary>Several lines of text, as <see cref="PlainText.MultiLine"/> cleans it.</summary>
    public static string MultiLine(string? value) => PlainText.MultiLine(value);

    /// <summary>True when <paramref name="value"/> holds text that could not be decoded (<see cref="PlainText.HasUnreadable"/>).</summary>
    public static bool HasUnreadable(string value) => PlainText.HasUnreadable(value);

    /// <summary>What a reader is told about a field holding more than <c>max</c> characters; {0} is the field's label.</summary>
    public const string TooLong = "{0} is {1} characters long; the limit is {2}. Please shorten it.";

    private static bool Require(Dictionary<string, ReaderText> errors, string field, string value, int max, string missing, string label)
    {
        if (value.Length == 0)
        {
            errors[field] = missing;
            return false;
        }

        if (HasUnreadable(value))
        {
            errors[field] = ReaderText.Of(PlainText.UnreadableFormat, (ReaderText)label);
            return false;
        }

        if (value.Length > max)
        {
            errors[field] = ReaderText.Of(TooLong, (ReaderText)label, value.Length, max);
            return false;
        }

        return true;
    }

    [GeneratedRegex(@"^[\p{L}\p{N}_+'-]+(\.[\p{L}\p{N}_+'-]+)*@([\p{L}\p{N}]([\p{L}\p{N}-]{0,61}[\p{L}\p{N}])?\.)+(\p{L}[\p{L}\p{N}-]{0,61}[\p{L}\p{N}]|xn--[a-zA-Z0-9-]{1,59})$", RegexOptions.CultureInvariant, matchTimeoutMilliseconds: 200)]
    private static partial Regex EmailPattern();
}
