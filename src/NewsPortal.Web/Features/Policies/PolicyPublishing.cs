using NewsPortal.Core.Policies;
using NewsPortal.Web.Features.Consent;
using NewsPortal.Web.Infrastructure;

namespace NewsPortal.Web.Features.Policies;

/// <summary>
/// Saves a staff revision of a policy page, then makes it visible at once: the consent versions are read
/// again (a material revision brings the banner back) and the cached pages it changes are evicted (its own
/// page; every page when it is material).
/// </summary>
public sealed class PolicyPublishing(PolicyEditor editor, ConsentVersionCache consentVersions, ReaderCache readerCache, ILogger<PolicyPublishing> log)
{
    public async Task<PolicyRevisionResult?> AddRevisionAsync(string key, PolicyRevisionDraft draft, string editorName, CancellationToken ct = default)
    {
        var result = await editor.AddRevisionAsync(key, draft, editorName, ct);
        if (result?.Saved is { } saved)
        {
            consentVersions.Invalidate();
            await readerCache.PolicyChangedAsync(key, draft.IsMaterial, ct);
            log.LogInformation("Policy {Key} revision {Number} saved (material: {Material}, consent version {Version})",
                key, saved.Number, draft.IsMaterial, saved.ConsentVersion);
        }

        return result;
    }
}
