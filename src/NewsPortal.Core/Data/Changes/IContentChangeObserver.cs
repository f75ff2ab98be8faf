namespace NewsPortal.Core.Data.Changes;

/// <summary>
/// Told about every committed save that changed what readers see, by <see cref="ContentChangeInterceptor"/>,
/// whatever made it (a page, a background service, a command). The web application keeps its cached pages
/// in step here; it must not throw, since the save it hears about has already been committed.
/// </summary>
public interface IContentChangeObserver
{
    Task ContentChangedAsync(ContentChange change, CancellationToken ct);
}
