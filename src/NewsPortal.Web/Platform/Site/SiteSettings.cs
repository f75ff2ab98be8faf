using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using NewsPortal.Core.Data;
using NewsPortal.Core.Data.Changes;
using NewsPortal.Core.FrontPage;
using NewsPortal.Core.Media;
using NewsPortal.Core.Site;
using NewsPortal.Web.Platform.Media;

namespace NewsPortal.Web.Platform.Site;

/// <summary>
/// The site settings in force, served as <see cref="IOptions{SiteOptions}"/> to every page and service: the
/// configuration's "Site" section (the first values), overlaid by the site details administrators saved in
/// the staff pages once they have; and the breaking-news strip while it is live. Read from the database once,
/// and again after every change whose reach is everything (a save of either here, or any change made by
/// another process), before the cached pages are evicted, so a page rendered after the eviction shows the
/// new values. When the database cannot be read, the configured values are shown and tried again shortly.
/// </summary>
public sealed class SiteSettings(
    IOptionsMonitor<SiteOptions> configured, IServiceScopeFactory scopes, TimeProvider clock, ILogger<SiteSettings> log)
    : IOptions<SiteOptions>, IContentChangeObserver
{
    private static readonly TimeSpan RetryAfterFailure = TimeSpan.FromSeconds(5);

    private readonly Lock _gate = new();
    private Snapshot? _snapshot;

    private sealed record Snapshot(SiteOptions Options, BreakingStrip? Strip, DateTime? RetryAt);

    public SiteOptions Value => Current.Options;

    /// <summary>The breaking-news strip, while it has not expired; null otherwise.</summary>
    public BreakingStrip? Strip => Current.Strip is { } strip && strip.ExpiresAt > clock.GetUtcNow().UtcDateTime ? strip : null;

    private Snapshot Current
    {
        get
        {
            var snapshot = Volatile.Read(ref _snapshot);
            if (snapshot is not null && (snapshot.RetryAt is null || snapshot.RetryAt > clock.GetUtcNow().UtcDateTime))
            {
                return snapshot;
            }

            lock (_gate)
            {
                snapshot = _snapshot;
                if (snapshot is null || (snapshot.RetryAt is { } retry && retry <= clock.GetUtcNow().UtcDateTime))
                {
                    snapshot = Read();
                    Volatile.Write(ref _snapshot, snapshot);
                }

                return snapshot;
            }
        }
    }

    public Task ContentChangedAsync(ContentChange change, CancellationToken ct)
    {
        if (change.Everything)
        {
            lock (_gate)
            {
                Volatile.Write(ref _snapshot, Read());
            }
        }

        return Task.CompletedTask;
    }

    private Snapshot Read()
    {
        try
        {
            using var scope = scopes.CreateScope();
            var db = scope.ServiceProvider.GetRequiredService<NewsDbContext>();
            var details = db.SiteDetails.AsNoTracking().Include(d => d.LogoImage).FirstOrDefault(d => d.Id == SiteDetails.SingletonId);
            var strip = db.BreakingNews.AsNoTracking().FirstOrDefault(n => n.Id == NewsPortal.Core.FrontPage.BreakingNews.SingletonId);
            return new Snapshot(
                Overlay(configured.CurrentValue, details),
                strip is null ? null : new BreakingStrip(strip.Text, strip.Link.Length == 0 ? null : strip.Link, strip.ExpiresAt),
                null);
        }
        catch (Exception ex)
        {
            // Also before the first migration (commands run against a database without these tables yet).
            log.LogWarning(ex, "The site settings could not be read; showing the configured ones");
            return new Snapshot(configured.CurrentValue, null, clock.GetUtcNow().UtcDateTime + RetryAfterFailure);
        }
    }

    /// <summary>The configured settings with what administrators saved laid over them.</summary>
    public static SiteOptions Overlay(SiteOptions configured, SiteDetails? details)
    {
        if (details is null)
        {
            return configured;
        }

        var site = configured.Copy();
        site.Name = details.Name;
        site.Slogans = [.. SiteDetailsRules.SplitLines(details.Slogans)];
        site.ChineseSlogans = [.. SiteDetailsRules.SplitLines(details.ChineseSlogans)];
        site.ReportHotline = details.ReportHotline;
        site.IcpLicence = details.IcpLicence;
        site.NewsServicePermit = details.NewsServicePermit;
        site.ContactEmail = details.ContactEmail;
        site.Social = [.. SiteDetailsRules.ParseSocial(details.SocialAccounts, out _).Select(a => new SocialLink { Name = a.Name, Url = a.Url })];
        site.Language = details.Language;
        site.TimeZone = details.TimeZone;
        if (details.LogoImage is { } logo)
        {
            site.LogoPath = MediaUrls.Largest(logo, null);
            site.LogoSmallPath = MediaUrls.Of(logo, MediaStore.ParseWidths(logo.Widths).DefaultIfEmpty(logo.Width).Min());
            site.LogoWidth = logo.Width;
            site.LogoHeight = logo.Height;
        }
        else
        {
            site.LogoPath = site.LogoSmallPath = null;
            site.LogoWidth = site.LogoHeight = 0;
        }

        return site;
    }
}
