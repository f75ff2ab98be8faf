using NewsPortal.Core.Policies;

namespace NewsPortal.Web.Features.Policies;

/// <summary>
/// Saves a staff revision of a policy page and records it in the log. Readers see it at once: the save's
/// commit evicts the cached pages it changes and, when it is material, brings the consent banner back
/// (see <see cref="NewsPortal.Core.Data.Changes.ContentChangeInterceptor"/>).
/// </summary>
public sealed class PolicyPublishing(PolicyEditor editor, ILogger<PolicyPublishing> log)
{
    public async Task<PolicyRevisionResult?> AddRevisionAsync(string key, PolicyRevisionDraft draft, string editorName, CancellationToken ct = default)
    {
        var result = await editor.AddRevisionAsync(key, draft, editorName, ct);
        if (result?.Saved is { } saved)
        {
            log.LogInformation("Policy {Key} revision {Number} saved (material: {Material}, consent version {Version})",
                key, saved.Number, draft.IsMaterial, saved.ConsentVersion);
        }

        return result;
    }
}
