using System.ComponentModel.DataAnnotations;
using MimeKit;

namespace NewsPortal.Web.Features.Mail;

public enum MailSecurity
{
    /// <summary>Plain SMTP (a relay on the same machine or network).</summary>
    None,

    /// <summary>Connect in plain text, then upgrade with STARTTLS (usually port 587); refuses a server that cannot.</summary>
    StartTls,

    /// <summary>TLS from the first byte (usually port 465).</summary>
    SslOnConnect,
}

/// <summary>
/// The mail server replies, copies and digests are sent through, and how the outbox retries. Bound from the
/// "Mail" section. With no <see cref="Host"/> (the default) nothing is sent: replies are kept and marked
/// "not sent: no mail server configured". The password is never logged.
/// </summary>
public sealed class MailOptions : IValidatableObject
{
    public const string Section = "Mail";

    /// <summary>The SMTP server's host name or address; empty: no mail is sent.</summary>
    [StringLength(253)]
    public string? Host { get; set; }

    [Range(1, 65535)]
    public int Port { get; set; } = 587;

    public MailSecurity Security { get; set; } = MailSecurity.StartTls;

    /// <summary>The account to sign in with; empty: no sign-in.</summary>
    [StringLength(256)]
    public string? UserName { get; set; }

    [StringLength(1024)]
    public string? Password { get; set; }

    /// <summary>The sender, as "newsroom@example.org" or "Newsroom &lt;newsroom@example.org&gt;".</summary>
    [StringLength(320)]
    public string From { get; set; } = "";

    /// <summary>How often the outbox looks for mail to send (it also wakes as soon as a reply is written).</summary>
    [Range(0.05, 3600)]
    public double PollSeconds { get; set; } = 5;

    /// <summary>The wait after the first failed try; it doubles after each further one, up to <see cref="MaxRetrySeconds"/>.</summary>
    [Range(1, 86_400)]
    public int RetrySeconds { get; set; } = 30;

    [Range(1, 86_400)]
    public int MaxRetrySeconds { get; set; } = 3600;

    /// <summary>Tries before a mail is marked failed.</summary>
    [Range(1, 100)]
    public int MaxAttempts { get; set; } = 10;

    /// <summary>How long one step of talking to the mail server may take.</summary>
    [Range(1, 3600)]
    public int TimeoutSeconds { get; set; } = 60;

    /// <summary>How long a sender holds a mail it claimed; another instance tries it again only after this.</summary>
    [Range(2, 86_400)]
    public int LeaseSeconds { get; set; } = 300;

    /// <summary>How often a member of staff who asked for the digest of new messages gets one (only when there are new messages).</summary>
    [Range(1, 10_080)]
    public int DigestMinutes { get; set; } = 60;

    public bool IsConfigured => !string.IsNullOrWhiteSpace(Host);

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (IsConfigured && !MailboxAddress.TryParse(From, out _))
        {
            yield return new ValidationResult("Mail:From must be a sender address such as newsroom@example.org when Mail:Host is set.", [nameof(From)]);
        }

        if (TimeoutSeconds * 2 > LeaseSeconds)
        {
            yield return new ValidationResult("Mail:LeaseSeconds must be at least twice Mail:TimeoutSeconds, so a send ends before another instance may try it.", [nameof(LeaseSeconds)]);
        }

        if (MaxRetrySeconds < RetrySeconds)
        {
            yield return new ValidationResult("Mail:MaxRetrySeconds must not be less than Mail:RetrySeconds.", [nameof(MaxRetrySeconds)]);
        }
    }
}
