using Microsoft.EntityFrameworkCore;
using NewsPortal.Core.Data;
using NewsPortal.Core.Media;

namespace NewsPortal.Core.Articles.Editing;

/// <summary>
/// A cover image chosen on the article form that is shown again before it is saved (a preview, a mistake to
/// correct): stored at once, like any upload, with its image row but no article yet, so that the form can carry
/// it on and the save that follows uses it. One the form never saves is swept with other unused images.
/// </summary>
public sealed class PendingCovers(NewsDbContext db, MediaStore media)
{
    /// <summary>Why a save cannot use the pending cover any more.</summary>
    public const string Gone = "The cover image chosen earlier is no longer kept (it was not saved in time). Choose the file again.";

    /// <summary>Stores the upload as a pending cover; returns its storage name, or why it was refused.</summary>
    public async Task<(MediaImage? Image, string? Error)> KeepAsync(UploadedFile file, CancellationToken ct = default)
    {
        var stored = await media.StoreAsync(file, ct);
        if (stored.Image is not { } image)
        {
            return (null, stored.Error);
        }

        db.MediaImages.Add(image);
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch
        {
            media.Delete(image);
            throw;
        }

        return (image, null);
    }

    /// <summary>A pending cover by its storage name (the hidden field), or null when it is gone.</summary>
    public static Task<MediaImage?> FindAsync(NewsDbContext db, string storageName, CancellationToken ct) =>
        storageName.Length > 64 ? Task.FromResult<MediaImage?>(null) : db.MediaImages.FirstOrDefaultAsync(m => m.StorageName == storageName, ct);

    public Task<MediaImage?> FindAsync(string storageName, CancellationToken ct = default) => FindAsync(db, storageName, ct);
}
