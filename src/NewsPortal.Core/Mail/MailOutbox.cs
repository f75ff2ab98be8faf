using Microsoft.EntityFrameworkCore;
using NewsPortal.Core.Data;

namespace NewsPortal.Core.Mail;

/// <summary>A mail one sender has claimed: what to send, and the token that proves the claim.</summary>
public sealed record ClaimedMail(int Id, string Token, int Attempts, string To, string Subject, string Body, string MessageIdHeader);

/// <summary>
/// The durable outbox. Each mail is claimed with one conditional UPDATE (queued and due, or claimed by a sender
/// whose lease ran out), so of several senders, in one process or many, exactly one wins each try; only the
/// winner's token may record the outcome. A sender that dies mid-send leaves the claim to run out, and the mail
/// is tried again.
/// </summary>
public sealed class MailOutbox(NewsDbContext db, TimeProvider clock)
{
    public const string NotConfigured = "not sent: no mail server configured";

    private DateTime Now => clock.GetUtcNow().UtcDateTime;

    /// <summary>
    /// Adds a mail to the context (saved with the caller's next SaveChanges): queued when a mail server is
    /// configured, else kept as <see cref="MailState.NotSent"/>.
    /// </summary>
    public OutgoingMail Add(MailKind kind, string to, string subject, string body, bool canSend, int? messageId = null, string? staffId = null, string author = "")
    {
        var now = Now;
        var mail = new OutgoingMail
        {
            Kind = kind,
            MessageId = messageId,
            StaffId = staffId,
            Author = author,
            To = to,
            Subject = subject,
            Body = body,
            CreatedAt = now,
            NextAttemptAt = now,
            State = canSend ? MailState.Queued : MailState.NotSent,
            LastError = canSend ? null : NotConfigured,
            MessageIdHeader = $"{Guid.NewGuid():N}@newsportal",
        };
        db.OutgoingMails.Add(mail);
        return mail;
    }

    /// <summary>Ids of the mails a sender may claim now, oldest first.</summary>
    public Task<List<int>> DueAsync(int max, CancellationToken ct = default)
    {
        var now = Now;
        return db.OutgoingMails.AsNoTracking()
            .Where(m => (m.State == MailState.Queued && m.NextAttemptAt <= now) || (m.State == MailState.Sending && m.ClaimedUntil < now))
            .OrderBy(m => m.NextAttemptAt).ThenBy(m => m.Id)
            .Select(m => m.Id).Take(max).ToListAsync(ct);
    }

    /// <summary>Claims one mail for <paramref name="lease"/>; null when another sender has it or it is not due.</summary>
    public async Task<ClaimedMail?> ClaimAsync(int id, TimeSpan lease, CancellationToken ct = default)
    {
        var now = Now;
        var until = now + lease;
        var token = Guid.NewGuid().ToString("N");
        var claimed = await db.OutgoingMails
            .Where(m => m.Id == id && ((m.State == MailState.Queued && m.NextAttemptAt <= now) || (m.State == MailState.Sending && m.ClaimedUntil < now)))
            .ExecuteUpdateAsync(s => s
                .SetProperty(m => m.State, MailState.Sending)
                .SetProperty(m => m.ClaimToken, token)
                .SetProperty(m => m.ClaimedUntil, until)
                .SetProperty(m => m.Attempts, m => m.Attempts + 1), ct);
        if (claimed == 0)
        {
            return null;
        }

        return await db.OutgoingMails.AsNoTracking().Where(m => m.Id == id && m.ClaimToken == token)
            .Select(m => new ClaimedMail(m.Id, token, m.Attempts, m.To, m.Subject, m.Body, m.MessageIdHeader))
            .FirstOrDefaultAsync(ct);
    }

    /// <summary>Records that the server accepted the mail. False when the claim had been lost meanwhile.</summary>
    public async Task<bool> SentAsync(ClaimedMail mail, CancellationToken ct = default)
    {
        var now = Now;
        return await Owned(mail).ExecuteUpdateAsync(s => s
            .SetProperty(m => m.State, MailState.Sent)
            .SetProperty(m => m.SentAt, now)
            .SetProperty(m => m.ClaimToken, (string?)null)
            .SetProperty(m => m.ClaimedUntil, (DateTime?)null)
            .SetProperty(m => m.LastError, (string?)null), ct) == 1;
    }

    /// <summary>
    /// Records a failed try: queued again after the policy's delay, or failed for good when the failure is
    /// <paramref name="permanent"/> or the policy has no tries left. Returns the new state.
    /// </summary>
    public async Task<MailState> FailedAsync(ClaimedMail mail, string reason, bool permanent, RetryPolicy policy, CancellationToken ct = default)
    {
        reason = reason.Length > OutgoingMailLimits.Error ? reason[..OutgoingMailLimits.Error] : reason;
        var state = permanent || policy.GivesUpAfter(mail.Attempts) ? MailState.Failed : MailState.Queued;
        var next = Now + policy.Delay(mail.Attempts);
        await Owned(mail).ExecuteUpdateAsync(s => s
            .SetProperty(m => m.State, state)
            .SetProperty(m => m.NextAttemptAt, next)
            .SetProperty(m => m.ClaimToken, (string?)null)
            .SetProperty(m => m.ClaimedUntil, (DateTime?)null)
            .SetProperty(m => m.LastError, reason), ct);
        return state;
    }

    private IQueryable<OutgoingMail> Owned(ClaimedMail mail) =>
        db.OutgoingMails.Where(m => m.Id == mail.Id && m.ClaimToken == mail.Token && m.State == MailState.Sending);
}

/// <summary>Column lengths of the outbox.</summary>
public static class OutgoingMailLimits
{
    public const int Subject = 300;
    public const int Body = 40_000;
    public const int Error = 500;
}
