using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using NewsPortal.Core.Data;
using NewsPortal.Core.Media;

namespace NewsPortal.Core.Site;

/// <summary>Saves the site details and the logo that administrators set in the staff pages.</summary>
public sealed class SiteDetailsEditor(NewsDbContext db, MediaStore media, TimeProvider clock, ILogger<SiteDetailsEditor> log)
{
    public Task<SiteDetails?> CurrentAsync(CancellationToken ct = default) =>
        db.SiteDetails.AsNoTracking().Include(d => d.LogoImage).FirstOrDefaultAsync(d => d.Id == SiteDetails.SingletonId, ct);

    /// <summary>Saves the details; returns the problems by field name (empty when saved).</summary>
    public async Task<IReadOnlyDictionary<string, string>> SaveAsync(SiteDetailsInput input, UploadedFile? logo, string editedBy, CancellationToken ct = default)
    {
        var errors = new Dictionary<string, string>();
        var checkedDetails = SiteDetailsRules.Check(input, errors);
        if (checkedDetails is null)
        {
            return errors;
        }

        Articles.MediaImage? uploaded = null;
        if (logo is not null)
        {
            var stored = await media.StoreAsync(logo, ImagePurpose.Logo, ct);
            if (stored.Image is null)
            {
                return new Dictionary<string, string> { ["Logo"] = stored.Error! };
            }

            uploaded = stored.Image;
        }

        var row = await db.SiteDetails.FirstOrDefaultAsync(d => d.Id == SiteDetails.SingletonId, ct);
        if (row is null)
        {
            row = new SiteDetails();
            db.SiteDetails.Add(row);
        }

        row.Name = checkedDetails.Name;
        row.Slogans = checkedDetails.Slogans;
        row.ChineseSlogans = checkedDetails.ChineseSlogans;
        row.ReportHotline = checkedDetails.ReportHotline;
        row.IcpLicence = checkedDetails.IcpLicence;
        row.NewsServicePermit = checkedDetails.NewsServicePermit;
        row.ContactEmail = checkedDetails.ContactEmail;
        row.SocialAccounts = checkedDetails.SocialAccounts;
        row.Language = checkedDetails.Language;
        row.TimeZone = checkedDetails.TimeZone;
        row.UpdatedAt = clock.GetUtcNow().UtcDateTime;
        row.UpdatedBy = editedBy;
        if (uploaded is not null)
        {
            row.LogoImage = uploaded;
        }
        else if (input.RemoveLogo)
        {
            row.LogoImage = null;
            row.LogoImageId = null;
        }

        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (Exception) when (uploaded is not null)
        {
            // Nothing was saved: the logo's files go too.
            media.Delete(uploaded);
            throw;
        }

        log.LogInformation("Site details saved by {Editor}", editedBy);
        return errors;
    }
}
