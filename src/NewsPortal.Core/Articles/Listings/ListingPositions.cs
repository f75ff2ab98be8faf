using System.Collections.Concurrent;
using Microsoft.EntityFrameworkCore;
using NewsPortal.Core.Data;

namespace NewsPortal.Core.Articles.Listings;

/// <summary>Which listing: a section, tag or author, by id.</summary>
public readonly record struct ListingKey(string Kind, int Id);

/// <summary>Where a page of a listing starts: the first article on it, in listing order (newest first).</summary>
public readonly record struct PageStart(DateTime PublishedAt, int Id);

/// <summary>The answer to "where does this page start": at an article, past the end, or not known.</summary>
public readonly record struct PagePosition(PageStart? Start, bool Known)
{
    public static PagePosition Unknown => new(null, false);

    public static PagePosition Beyond => new(null, true);

    public static PagePosition At(PageStart start) => new(start, true);
}

/// <summary>
/// Indexed paging for deep listing pages. Counting past the first N-1 pages costs a step per article, so
/// page 5,000 of a section would cost 5,000 times page 1. Instead, the first time a deep page of a listing
/// is asked for, one pass over the listing's index records where every page starts; later pages start
/// there directly (a keyset seek), whatever their depth.
/// <para>
/// The record is kept while <see cref="ContentVersion"/> is unchanged (any saved change to articles,
/// their tags, authors or sections moves it, in whichever process or instance) and until the next article
/// already published for a later time comes due. Reading the version is one primary-key lookup.
/// Shallow pages skip directly and never build a record.
/// </para>
/// </summary>
public sealed class ListingPositions
{
    /// <summary>Pages up to this one skip the earlier rows directly: that costs less than the version check.</summary>
    public const int DirectPages = 5;

    // Compiled per instance (one per application): a compiled query keeps the SQL of the first database it meets.
    private readonly Func<NewsDbContext, CancellationToken, Task<long?>> _currentVersion =
        EF.CompileAsyncQuery((NewsDbContext db, CancellationToken ct) =>
            db.ContentVersions.Where(v => v.Id == ContentVersion.SingletonId).Select(v => (long?)v.Value).FirstOrDefault());

    private readonly Func<NewsDbContext, DateTime, CancellationToken, Task<DateTime?>> _nextComingDue =
        EF.CompileAsyncQuery((NewsDbContext db, DateTime now, CancellationToken ct) =>
            db.Articles.Where(a => a.Status == ArticleStatus.Published && a.PublishedAt > now).Min(a => a.PublishedAt));

    private readonly ConcurrentDictionary<ListingKey, Positions> _positions = new();
    private readonly ConcurrentDictionary<ListingKey, SemaphoreSlim> _gates = new();

    /// <summary>
    /// Where page <paramref name="page"/> of the listing starts: <see cref="PagePosition.Beyond"/> when the
    /// listing has fewer pages, <see cref="PagePosition.Unknown"/> when the database keeps no content version
    /// (its row is missing), so nothing recorded could be trusted and the caller counts instead.
    /// <paramref name="listing"/> is the listing's visible articles at <paramref name="now"/>, unordered.
    /// </summary>
    public async Task<PagePosition> StartOfPageAsync(
        NewsDbContext db, ListingKey key, IQueryable<Article> listing, int page, int pageSize, DateTime now, CancellationToken ct)
    {
        if (await _currentVersion(db, ct) is not { } version)
        {
            return PagePosition.Unknown;
        }

        var positions = Current(key, version, pageSize, now);
        if (positions is null)
        {
            var gate = _gates.GetOrAdd(key, _ => new SemaphoreSlim(1, 1));
            await gate.WaitAsync(ct);
            try
            {
                positions = Current(key, version, pageSize, now) ?? await BuildAsync(db, key, listing, version, pageSize, now, ct);
            }
            finally
            {
                gate.Release();
            }
        }

        return page - 1 < positions.Starts.Length ? PagePosition.At(positions.Starts[page - 1]) : PagePosition.Beyond;
    }

    private Positions? Current(ListingKey key, long version, int pageSize, DateTime now) =>
        _positions.TryGetValue(key, out var p) && p.Version == version && p.PageSize == pageSize && now < p.ValidUntil ? p : null;

    private async Task<Positions> BuildAsync(
        NewsDbContext db, ListingKey key, IQueryable<Article> listing, long version, int pageSize, DateTime now, CancellationToken ct)
    {
        // The version was read before the rows: if a save lands in between, the record is built from rows at
        // least as new as the version it is filed under, and the next request rebuilds it.
        var starts = new List<PageStart>();
        var position = 0;
        await foreach (var start in listing
            .OrderByDescending(a => a.PublishedAt).ThenByDescending(a => a.Id)
            .Select(a => new PageStart(a.PublishedAt!.Value, a.Id))
            .AsAsyncEnumerable().WithCancellation(ct))
        {
            if (position++ % pageSize == 0)
            {
                starts.Add(start);
            }
        }

        var validUntil = await _nextComingDue(db, now, ct) ?? DateTime.MaxValue;
        var positions = new Positions(version, pageSize, validUntil, starts.ToArray());
        _positions[key] = positions;
        return positions;
    }

    private sealed record Positions(long Version, int PageSize, DateTime ValidUntil, PageStart[] Starts);
}
