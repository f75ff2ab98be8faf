namespace NewsPortal.Core.Media.Library;

/// <summary>Loads the library items an article body names, so that saving and previewing render it alike.</summary>
public sealed class BodyMediaReader(MediaLibraryQueries queries, IMediaMarkup markup)
{
    public async Task<BodyMedia> ForAsync(string body, CancellationToken ct = default) =>
        new(await queries.FindManyAsync([.. BodyMedia.ReferencedIds(body)], ct), markup);
}
