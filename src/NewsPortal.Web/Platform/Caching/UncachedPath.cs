namespace NewsPortal.Web.Platform.Caching;

/// <summary>
/// An anonymous GET page that is never output-cached (a form carrying an antiforgery token), registered by its
/// feature. Such a page is not marked "no-cache" up front either: antiforgery replaces the header with
/// "no-cache, no-store", and logs a warning on every view when it has to override one.
/// </summary>
public sealed record UncachedPath(string Path)
{
    public bool Matches(PathString path) =>
        path.Equals(Path, StringComparison.OrdinalIgnoreCase) || path.Equals(Path + "/", StringComparison.OrdinalIgnoreCase);
}
