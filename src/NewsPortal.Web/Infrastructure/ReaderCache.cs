using Microsoft.AspNetCore.OutputCaching;

namespace NewsPortal.Web.Infrastructure;

/// <summary>
/// Evicts cached reader pages when content changes. Staff pages call it after a save has been committed,
/// so the next reader request is rendered from the database.
/// </summary>
public sealed class ReaderCache(IOutputCacheStore store)
{
    /// <summary>Tag carried by every cached reader page.</summary>
    public const string AllPagesTag = "reader";

    public async Task ArticleChangedAsync(CancellationToken ct = default) =>
        await store.EvictByTagAsync(AllPagesTag, ct);

    public async Task PolicyChangedAsync(CancellationToken ct = default) =>
        await store.EvictByTagAsync(AllPagesTag, ct);
}
