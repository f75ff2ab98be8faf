using System.Globalization;
using System.Text;
using Microsoft.EntityFrameworkCore;
using NewsPortal.Core.Data;
using NewsPortal.Core.Mail;
using NewsPortal.Core.Staff;

namespace NewsPortal.Core.Messages;

/// <summary>
/// The email digest of new reader messages staff with the inbox may ask for: at most one mail per period, listing
/// every message (not spam) received since the last one, and none when nothing came in. Each digest is claimed by
/// moving the account's "covered until" time with a conditional UPDATE, in the same transaction that queues the
/// mail, so several instances never queue one twice.
/// </summary>
public sealed class MessageDigests(NewsDbContext db, MailOutbox outbox, TimeProvider clock)
{
    private const int MaxListed = 200;

    /// <summary>Turns the digest on (from now on) or off for one account.</summary>
    public async Task<bool> ChooseAsync(string staffId, bool wanted, CancellationToken ct = default)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        return await db.Users.Where(u => u.Id == staffId)
            .ExecuteUpdateAsync(s => s.SetProperty(u => u.MessageDigest, wanted).SetProperty(u => u.DigestCoveredUntil, now), ct) == 1;
    }

    public Task<bool> WantsAsync(string staffId, CancellationToken ct = default) =>
        db.Users.Where(u => u.Id == staffId).Select(u => u.MessageDigest).FirstOrDefaultAsync(ct);

    /// <summary>Queues the digests that are due. Returns how many were queued.</summary>
    public async Task<int> QueueDueAsync(TimeSpan every, string siteName, string siteUrl, Func<DateTime, string> formatTime, CancellationToken ct = default)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var dueBefore = now - every;
        string[] inboxRoles = [StaffRoles.Admin, StaffRoles.Moderator];
        var due = await db.Users.AsNoTracking()
            .Where(u => u.MessageDigest && u.Email != null && (u.DigestCoveredUntil == null || u.DigestCoveredUntil <= dueBefore))
            .Where(u => db.UserRoles.Any(ur => ur.UserId == u.Id && db.Roles.Any(r => r.Id == ur.RoleId && inboxRoles.Contains(r.Name!))))
            .Select(u => new { u.Id, u.Email, u.DigestCoveredUntil })
            .ToListAsync(ct);

        var queued = 0;
        foreach (var user in due)
        {
            var from = user.DigestCoveredUntil ?? dueBefore;
            var messages = await db.Messages.AsNoTracking()
                .Where(m => m.Status != MessageStatus.Spam && m.ReceivedAt >= from && m.ReceivedAt < now)
                .OrderBy(m => m.ReceivedAt).ThenBy(m => m.Id)
                .Select(m => new { m.Reference, m.Name, m.Subject, m.ReceivedAt })
                .ToListAsync(ct);

            await using var transaction = await db.Database.BeginTransactionAsync(ct);
            var claimed = await db.Users.Where(u => u.Id == user.Id && u.DigestCoveredUntil == user.DigestCoveredUntil)
                .ExecuteUpdateAsync(s => s.SetProperty(u => u.DigestCoveredUntil, now), ct);
            if (claimed == 1 && messages.Count > 0)
            {
                var body = new StringBuilder();
                body.Append(CultureInfo.InvariantCulture, $"{messages.Count} new reader {(messages.Count == 1 ? "message" : "messages")} since {formatTime(from)}:\n\n");
                foreach (var m in messages.Take(MaxListed))
                {
                    body.Append(CultureInfo.InvariantCulture, $"{m.Reference}  {formatTime(m.ReceivedAt)}  {m.Name}: {m.Subject}\n");
                }

                if (messages.Count > MaxListed)
                {
                    body.Append(CultureInfo.InvariantCulture, $"... and {messages.Count - MaxListed} more.\n");
                }

                body.Append(CultureInfo.InvariantCulture, $"\nRead and answer them at {siteUrl}/staff/inbox\n\n-- \n{siteName}\n");
                outbox.Add(MailKind.Digest, user.Email!, $"{siteName}: {messages.Count} new reader {(messages.Count == 1 ? "message" : "messages")}",
                    body.ToString(), canSend: true, staffId: user.Id, author: siteName);
                await db.SaveChangesAsync(ct);
                queued++;
            }

            await transaction.CommitAsync(ct);
        }

        return queued;
    }
}
