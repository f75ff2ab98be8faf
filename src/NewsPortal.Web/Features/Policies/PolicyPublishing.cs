using NewsPortal.Core.Policies;

namespace NewsPortal.Web.Features.Policies;

/// <summary>
/// Saves a staff revision of a policy page, or its version in another reader language, and records it in the log. Readers see it at once: the save's
/// commit evicts the cached pages it changes and, when it is material, brings the consent banner back
/// (see <see cref="NewsPortal.Core.Data.Changes.ContentChangeInterceptor"/>).
/// </summary>
public sealed class PolicyPublishing(PolicyEditor editor, PolicyTranslationEditor translations, ILogger<PolicyPublishing> log)
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

    /// <summary>Saves the page's version in <paramref name="language"/>; null for no such page or language. The English revisions stay in force.</summary>
    public async Task<PolicyTranslationResult?> SaveTranslationAsync(
        string key, string language, PolicyTranslationDraft draft, string editorName, CancellationToken ct = default)
    {
        var result = await translations.SaveAsync(key, language, draft, editorName, ct);
        if (result?.Saved is { } saved)
        {
            log.LogInformation("Policy {Key} translation into {Language} saved from English revision {Number} (first: {First})",
                key, language, saved.RevisionNumber, saved.IsFirst);
        }

        return result;
    }
}
