using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using NewsPortal.Core.Data;

namespace NewsPortal.Core.Media;

/// <summary>What one sweep removed.</summary>
public sealed record MediaSweepResult(int FilesDeleted, int ImagesForgotten);

/// <summary>
/// Deletes media that no article or author uses once it is older than <see cref="MediaOptions.OrphanGraceHours"/>: files
/// left by interrupted uploads or saves that failed (including half-written ".tmp" files), and replaced or
/// removed covers and logos (their files and image rows), and covers chosen on a form that was never saved. Pictures of
/// the media library stay while their item does; video files ("{stem}-video.mp4") and captions are removed with their
/// item, or by the sweep when no item names them (a process stopped between writing the file and saving the item),
/// as are the ".{stem}.upload" files of video uploads cut short. The grace period keeps the files of a save in progress.
/// </summary>
public sealed class MediaSweep(NewsDbContext db, MediaStore media, IOptions<MediaOptions> options, TimeProvider clock, ILogger<MediaSweep> log)
{
    public async Task<MediaSweepResult> RunAsync(CancellationToken ct = default)
    {
        var cutoff = clock.GetUtcNow().UtcDateTime.AddHours(-options.Value.OrphanGraceHours);
        var used = (await db.Articles.Where(a => a.CoverImage != null).Select(a => a.CoverImage!.StorageName).ToListAsync(ct))
            .Concat(await db.MediaItems.Where(i => i.Image != null).Select(i => i.Image!.StorageName).ToListAsync(ct))
            .ToHashSet(StringComparer.Ordinal);
        used.UnionWith(await db.SiteDetails.Where(d => d.LogoImage != null).Select(d => d.LogoImage!.StorageName).ToListAsync(ct));
        used.UnionWith(await db.Authors.Where(a => a.Photo != null).Select(a => a.Photo!.StorageName).ToListAsync(ct));
        used.UnionWith(await db.Topics.Where(t => t.CoverImage != null).Select(t => t.CoverImage!.StorageName).ToListAsync(ct));
        var usedFiles = (await db.MediaItems.Where(i => i.VideoFile != null || i.CaptionsFile != null)
                .Select(i => new { i.VideoFile, i.CaptionsFile }).ToListAsync(ct))
            .SelectMany(i => new[] { i.VideoFile, i.CaptionsFile }).OfType<string>().ToHashSet(StringComparer.Ordinal);

        // Pictures and posters of the media library are kept while their library item exists.
        var unusedRows = await db.MediaImages
            .Where(m => m.CreatedAt < cutoff && !db.Articles.Any(a => a.CoverImageId == m.Id) && !db.SiteDetails.Any(d => d.LogoImageId == m.Id)
                && !db.Authors.Any(a => a.PhotoId == m.Id) && !db.Topics.Any(t => t.CoverImageId == m.Id) && !db.MediaItems.Any(i => i.ImageId == m.Id))
            .ToListAsync(ct);
        if (unusedRows.Count > 0)
        {
            db.MediaImages.RemoveRange(unusedRows);
            await db.SaveChangesAsync(ct);
        }

        var deleted = 0;
        var folder = new DirectoryInfo(media.Folder);
        if (folder.Exists)
        {
            foreach (var file in folder.EnumerateFiles())
            {
                var unused = IsVideoUpload(file.Name) || (IsVideoFile(file.Name) && !usedFiles.Contains(file.Name))
                    || (StemOf(file.Name) is { } stem && !used.Contains(stem));
                if (!unused || file.LastWriteTimeUtc >= cutoff)
                {
                    continue;
                }

                try
                {
                    file.Delete();
                    deleted++;
                }
                catch (IOException ex)
                {
                    log.LogWarning(ex, "Could not delete the unused media file {File}", file.Name);
                }
            }
        }

        if (deleted > 0 || unusedRows.Count > 0)
        {
            log.LogInformation("Media sweep deleted {Files} files and {Rows} image records no article uses", deleted, unusedRows.Count);
        }

        return new MediaSweepResult(deleted, unusedRows.Count);
    }

    /// <summary>A video upload being checked (".{stem}.upload"): never used by anything once its upload has ended.</summary>
    private static bool IsVideoUpload(string name) => name.StartsWith('.') && name.EndsWith(".upload", StringComparison.Ordinal);

    /// <summary>A library video or its captions: "{stem}-video.mp4", "{stem}-video.webm", "{stem}-video.vtt".</summary>
    private static bool IsVideoFile(string name) =>
        Path.GetFileNameWithoutExtension(name).EndsWith("-video", StringComparison.Ordinal)
        && Path.GetExtension(name) is ".mp4" or ".webm" or ".vtt";

    /// <summary>"{stem}-{width}.jpg" or "{stem}-{width}.jpg.tmp" gives the stem; any other name is not ours to delete.</summary>
    private static string? StemOf(string name)
    {
        var dash = name.LastIndexOf('-');
        return dash > 0 && name.IndexOf('.', dash) > dash + 1 && name[(dash + 1)..name.IndexOf('.', dash)].All(char.IsAsciiDigit)
            ? name[..dash]
            : null;
    }
}
