using Microsoft.EntityFrameworkCore;
using NewsPortal.Core.Data;
using NewsPortal.Core.Media;
using NewsPortal.Core.Text;

namespace NewsPortal.Core.Articles.Authors;

/// <summary>What staff type for an author; <see cref="Photo"/> is a new photo, if one was chosen.</summary>
public sealed record AuthorInput(string? Name, string? Slug, string? Bio, string? Links, UploadedFile? Photo, bool RemovePhoto);

/// <summary>The author saved (its id), or why not, by field.</summary>
public sealed record AuthorSaveResult(int? Id, IReadOnlyDictionary<string, string> Errors);

/// <summary>An author as the staff list and form show them.</summary>
public sealed record AuthorRow(int Id, string Name, string Slug, string Bio, string Links, MediaImage? Photo, int ArticleCount);

/// <summary>Creates and changes authors: a name in any script, an editable slug, a bio, a photo and links.</summary>
public sealed class AuthorEditor(NewsDbContext db, MediaStore media)
{
    public Task<List<AuthorRow>> ListAsync(CancellationToken ct = default) =>
        db.Authors.AsNoTracking().OrderBy(a => a.Name)
            .Select(a => new AuthorRow(a.Id, a.Name, a.Slug, a.Bio, a.Links, a.Photo, a.Articles.Count))
            .ToListAsync(ct);

    public Task<AuthorRow?> FindAsync(int id, CancellationToken ct = default) =>
        db.Authors.AsNoTracking().Where(a => a.Id == id)
            .Select(a => new AuthorRow(a.Id, a.Name, a.Slug, a.Bio, a.Links, a.Photo, a.Articles.Count))
            .FirstOrDefaultAsync(ct);

    /// <summary>Creates an author (<paramref name="id"/> null) or changes one; null when there is no such author.</summary>
    public async Task<AuthorSaveResult?> SaveAsync(int? id, AuthorInput input, CancellationToken ct = default)
    {
        Author? author = null;
        if (id is { } existing && (author = await db.Authors.FirstOrDefaultAsync(a => a.Id == existing, ct)) is null)
        {
            return null;
        }

        var name = PlainText.SingleLine(input.Name);
        var typed = PlainText.SingleLine(input.Slug);
        var bio = PlainText.MultiLine(input.Bio);
        var slug = Slug.From(typed.Length == 0 ? name : typed, AuthorLimits.Slug);
        var errors = new Dictionary<string, string>();
        if (new[] { name, typed, bio, input.Links }.Any(PlainText.HasUnreadable))
        {
            errors[""] = PlainText.UnreadableError("The form");
        }

        if (name.Length == 0)
        {
            errors[nameof(AuthorInput.Name)] = "Enter the author's name.";
        }
        else if (name.Length > ArticleLimits.Name)
        {
            errors[nameof(AuthorInput.Name)] = $"The name can be at most {ArticleLimits.Name} characters.";
        }

        if (bio.Length > AuthorLimits.Bio)
        {
            errors[nameof(AuthorInput.Bio)] = $"The bio can be at most {AuthorLimits.Bio} characters.";
        }

        var (links, linkError) = AuthorLinks.Parse(input.Links);
        if (linkError is not null)
        {
            errors[nameof(AuthorInput.Links)] = linkError;
        }

        if (slug.Length == 0 && name.Length > 0)
        {
            errors[nameof(AuthorInput.Slug)] = "Type an address (slug) for the author page, e.g. \"chen-lu\".";
        }
        else if (slug.Length > 0 && await db.Authors.AnyAsync(a => a.Slug == slug && a.Id != (author == null ? 0 : author.Id), ct))
        {
            errors[nameof(AuthorInput.Slug)] = "Another author already uses this address. Choose a different one.";
        }

        if (errors.Count > 0)
        {
            return new AuthorSaveResult(null, errors);
        }

        MediaImage? photo = null;
        if (input.Photo is { } upload)
        {
            var stored = await media.StoreAsync(upload, ct);
            if (stored.Image is null)
            {
                return new AuthorSaveResult(null, new Dictionary<string, string> { [nameof(AuthorInput.Photo)] = stored.Error ?? "The photo could not be stored." });
            }

            photo = stored.Image;
            db.MediaImages.Add(photo);
        }

        if (author is null)
        {
            author = new Author();
            db.Authors.Add(author);
        }

        author.Name = name;
        author.Slug = slug;
        author.Bio = bio;
        author.Links = string.Join('\n', links);
        if (photo is not null)
        {
            author.Photo = photo;
        }
        else if (input.RemovePhoto)
        {
            author.PhotoId = null;
        }

        await db.SaveChangesAsync(ct);
        return new AuthorSaveResult(author.Id, new Dictionary<string, string>());
    }
}

/// <summary>An author's links: absolute http(s) addresses, one a line.</summary>
public static class AuthorLinks
{
    public static IReadOnlyList<string> Split(string stored) =>
        stored.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);

    public static (List<string> Links, string? Error) Parse(string? typed)
    {
        var links = new List<string>();
        foreach (var line in (typed ?? "").Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            var text = PlainText.SingleLine(line);
            if (text.Length == 0)
            {
                continue;
            }

            if (text.Length > AuthorLimits.LinkLength || !Uri.TryCreate(text, UriKind.Absolute, out var uri) || uri.Scheme is not ("http" or "https"))
            {
                return (links, $"\"{Shorten(text)}\" is not a web address. Give one full address a line, starting with https://.");
            }

            links.Add(uri.AbsoluteUri);
        }

        return links.Count > AuthorLimits.MaxLinks
            ? (links, $"Give at most {AuthorLimits.MaxLinks} links.")
            : (links, null);
    }

    private static string Shorten(string text) => text.Length > 60 ? text[..60] + "…" : text;
}
