using Microsoft.EntityFrameworkCore;
using NewsPortal.Core.Data;

namespace NewsPortal.Core.Consent;

/// <summary>The server-side record of readers' cookie choices: choice, versions and time, never an IP address.</summary>
public sealed class ConsentLedger(NewsDbContext db, TimeProvider clock)
{
    public async Task<ConsentRecord> RecordAsync(ConsentCookie cookie, CancellationToken ct = default)
    {
        var record = new ConsentRecord
        {
            ConsentId = cookie.ConsentId,
            Choice = cookie.Choice,
            PrivacyVersion = cookie.Versions.Privacy,
            TermsVersion = cookie.Versions.Terms,
            RecordedAt = clock.GetUtcNow().UtcDateTime,
        };
        db.ConsentRecords.Add(record);
        await db.SaveChangesAsync(ct);
        return record;
    }

    /// <summary>The latest choice recorded under a reader's consent id, if any.</summary>
    public Task<ConsentRecord?> LatestAsync(Guid consentId, CancellationToken ct = default) =>
        db.ConsentRecords.AsNoTracking()
            .Where(r => r.ConsentId == consentId)
            .OrderByDescending(r => r.Id)
            .FirstOrDefaultAsync(ct);
}
