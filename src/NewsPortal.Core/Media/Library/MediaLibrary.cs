using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using NewsPortal.Core.Articles;
using NewsPortal.Core.Data;
using NewsPortal.Core.Media.Video;
using NewsPortal.Core.Text;

namespace NewsPortal.Core.Media.Library;

/// <summary>What staff type beside an upload to the library.</summary>
public sealed record LibraryUpload(string? AltText, string? Caption, string? Credit, string? CaptionsLanguage);

/// <summary>The upload form's fields, as the keys of <see cref="LibraryResult.Errors"/>.</summary>
public static class LibraryField
{
    public const string Form = "";
    public const string AltText = nameof(LibraryUpload.AltText);
    public const string Caption = nameof(LibraryUpload.Caption);
    public const string Credit = nameof(LibraryUpload.Credit);
    public const string CaptionsLanguage = nameof(LibraryUpload.CaptionsLanguage);
    public const string File = "File";
    public const string Captions = "Captions";
    public const string Poster = "Poster";
}

public sealed record LibraryResult(MediaItem? Item, IReadOnlyDictionary<string, string> Errors);

/// <summary>
/// The media library: pictures and videos uploaded once, described once (alt text, caption, credit) and used by
/// any number of articles, as covers, in the body or in galleries. An item in use cannot be deleted.
/// </summary>
public sealed class MediaLibrary(
    NewsDbContext db, MediaStore images, VideoStore videos, MediaLibraryQueries queries, IOptions<MediaOptions> options, TimeProvider clock,
    ILogger<MediaLibrary> log)
{
    public async Task<LibraryResult> UploadAsync(
        LibraryUpload input, UploadedFile? file, UploadedFile? captions, UploadedFile? poster, string by, CancellationToken ct = default)
    {
        var errors = new Dictionary<string, string>();
        var alt = PlainText.SingleLine(input.AltText);
        var caption = PlainText.SingleLine(input.Caption) is { Length: > 0 } c ? c : null;
        var credit = PlainText.SingleLine(input.Credit) is { Length: > 0 } r ? r : null;
        var language = PlainText.SingleLine(input.CaptionsLanguage) is { Length: > 0 } l ? l : "en";
        if (file is null)
        {
            errors[LibraryField.File] = "Choose a picture or a video to upload.";
        }
        else if (file.Length <= 0)
        {
            errors[LibraryField.File] = "The chosen file is empty.";
        }

        if (alt.Length == 0)
        {
            errors[LibraryField.AltText] = "Describe what the picture or video shows (alt text), for readers who cannot see it.";
        }

        Limit(errors, LibraryField.AltText, "The alt text", alt, MediaLimits.AltText);
        Limit(errors, LibraryField.Caption, "The caption", caption, MediaLimits.Caption);
        Limit(errors, LibraryField.Credit, "The credit", credit, MediaLimits.Credit);
        if (language.Length > 16 || !language.All(ch => char.IsAsciiLetterOrDigit(ch) || ch == '-'))
        {
            errors[LibraryField.CaptionsLanguage] = "Give the captions' language as a short code such as en or zh-Hans.";
        }

        foreach (var (field, label, value) in new[] { (LibraryField.AltText, "The alt text", alt), (LibraryField.Caption, "The caption", caption), (LibraryField.Credit, "The credit", credit) })
        {
            if (PlainText.HasUnreadable(value))
            {
                errors[field] = PlainText.UnreadableError(label);
            }
        }

        if (errors.Count > 0)
        {
            return new LibraryResult(null, errors);
        }

        var head = await HeadAsync(file!, ct);
        var item = new MediaItem
        {
            AltText = alt,
            Caption = caption,
            Credit = credit,
            OriginalFileName = MediaStore.SafeName(file!.FileName),
            CreatedAt = clock.GetUtcNow().UtcDateTime,
            CreatedBy = by.Length > 256 ? by[..256] : by,
        };
        if (VideoProbe.LooksLikeVideo(head))
        {
            var stored = await videos.StoreAsync(file, poster, ct);
            if (stored.Video is not { } video)
            {
                return Failed(LibraryField.File, stored.Error!);
            }

            item.Kind = MediaKind.Video;
            item.Image = video.Poster;
            item.VideoFile = video.File;
            item.VideoType = video.ContentType;
            item.VideoBytes = video.Bytes;
            item.DurationSeconds = Math.Round(video.Facts.Seconds, 3);
            item.VideoWidth = video.Facts.Width;
            item.VideoHeight = video.Facts.Height;
            if (captions is not null && captions.Length > 0)
            {
                var (vtt, problem) = await videos.StoreCaptionsAsync(captions, video.File, ct);
                if (problem is not null)
                {
                    Discard(item);
                    return Failed(LibraryField.Captions, problem);
                }

                item.CaptionsFile = vtt;
                item.CaptionsLanguage = language;
            }
        }
        else
        {
            if (captions is not null && captions.Length > 0)
            {
                return Failed(LibraryField.Captions, "Captions go with videos; this file is not a video.");
            }

            if (IsSvg(head))
            {
                log.LogInformation("Refused an SVG upload to the media library");
                return Failed(LibraryField.File, "SVG drawings are not accepted: they can carry script. Export the drawing as PNG and upload that.");
            }

            var stored = await images.StoreAsync(file, options.Value.MinLibraryWidth, ct);
            if (stored.Image is null)
            {
                return Failed(LibraryField.File, stored.Error!.Replace("That file is not an image we can read.", "That file is not a picture or video we can read.", StringComparison.Ordinal));
            }

            item.Kind = MediaKind.Image;
            item.Image = stored.Image;
        }

        db.MediaItems.Add(item);
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch
        {
            Discard(item);
            db.ChangeTracker.Clear();
            throw;
        }

        log.LogInformation("Media library item {Id} added: {Kind}", item.Id, item.Kind);
        return new LibraryResult(item, new Dictionary<string, string>());
    }

    /// <summary>A cover uploaded in the article editor goes into the library too (saved with the article).</summary>
    public MediaItem AddCover(MediaImage image, string alt, string? caption, string? credit, string by)
    {
        var item = new MediaItem
        {
            Kind = MediaKind.Image,
            Image = image,
            AltText = alt.Length > MediaLimits.AltText ? alt[..MediaLimits.AltText] : alt,
            Caption = caption,
            Credit = credit,
            OriginalFileName = image.OriginalFileName,
            CreatedAt = image.CreatedAt,
            CreatedBy = by.Length > 256 ? by[..256] : by,
        };
        db.MediaItems.Add(item);
        return item;
    }

    /// <summary>Deletes an item no article uses, with its files; otherwise returns the articles that use it.</summary>
    public async Task<(bool Found, IReadOnlyList<MediaUsage> InUse)> DeleteAsync(int id, CancellationToken ct = default)
    {
        var item = await db.MediaItems.Include(m => m.Image).FirstOrDefaultAsync(m => m.Id == id, ct);
        if (item is null)
        {
            return (false, []);
        }

        var uses = await queries.UsageAsync(item, ct);
        if (uses.Count > 0)
        {
            log.LogInformation("Deleting media library item {Id} refused: {Count} articles use it", id, uses.Count);
            return (true, uses);
        }

        db.MediaItems.Remove(item);
        var dropImage = item.Image is not null && !await db.Articles.AnyAsync(a => a.CoverImageId == item.ImageId, ct)
            && !await db.MediaItems.AnyAsync(m => m.ImageId == item.ImageId && m.Id != item.Id, ct);
        if (dropImage)
        {
            db.MediaImages.Remove(item.Image!);
        }

        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException ex)
        {
            log.LogWarning(ex, "Deleting media library item {Id} failed; an article may have started using it", id);
            db.ChangeTracker.Clear();
            return (true, await queries.UsageAsync(id, ct));
        }

        videos.Delete(item.VideoFile, item.CaptionsFile);
        if (dropImage)
        {
            images.Delete(item.Image!);
        }

        log.LogInformation("Media library item {Id} deleted", id);
        return (true, []);
    }

    private void Discard(MediaItem item)
    {
        videos.Delete(item.VideoFile, item.CaptionsFile);
        if (item.Image is not null)
        {
            images.Delete(item.Image);
        }
    }

    private static async Task<byte[]> HeadAsync(UploadedFile file, CancellationToken ct)
    {
        var head = new byte[512];
        await using var stream = file.OpenReadStream();
        var read = await stream.ReadAtLeastAsync(head, head.Length, throwOnEndOfStream: false, ct);
        return head[..read];
    }

    private static bool IsSvg(ReadOnlySpan<byte> head)
    {
        var text = System.Text.Encoding.UTF8.GetString(head).TrimStart('\uFEFF', ' ', '\t', '\r', '\n');
        return text.StartsWith('<') && text.Contains("<svg", StringComparison.OrdinalIgnoreCase);
    }

    private static void Limit(Dictionary<string, string> errors, string field, string label, string? value, int max)
    {
        if (value is not null && value.Length > max)
        {
            errors[field] = $"{label} can be at most {max:N0} characters; it has {value.Length:N0}.";
        }
    }

    private static LibraryResult Failed(string field, string error) => new(null, new Dictionary<string, string> { [field] = error });
}
