using Microsoft.EntityFrameworkCore;
using NewsPortal.Core.Data;
using NewsPortal.Core.Text;

namespace NewsPortal.Core.Articles.Sections;

/// <summary>What staff type for a section.</summary>
public sealed record SectionInput(string? Name, string? Slug, string? Description, bool IsHidden, string? ChineseName = null);

/// <summary>The section saved (its id), or why not, by field ("" for the form as a whole).</summary>
public sealed record SectionSaveResult(int? Id, IReadOnlyDictionary<string, string> Errors)
{
    public static SectionSaveResult Refused(string field, string message) => new(null, new Dictionary<string, string> { [field] = message });
}

/// <summary>A section's place in the staff list: how many articles it holds, and its old addresses.</summary>
public sealed record SectionRow(int Id, string Name, string Slug, string Description, bool IsHidden, int SortOrder, int ArticleCount, string? ChineseName = null);

/// <summary>
/// Creates, renames, describes, orders, hides and deletes sections. A changed slug keeps the old one, so
/// old links answer 301; a section is deleted only when no article is in it.
/// </summary>
public sealed class SectionEditor(NewsDbContext db, TimeProvider clock)
{
    public const int MaxSlug = 100;
    public const int MaxDescription = 500;

    public Task<List<SectionRow>> ListAsync(CancellationToken ct = default) =>
        db.Sections.AsNoTracking().OrderBy(s => s.SortOrder).ThenBy(s => s.Name)
            .Select(s => new SectionRow(s.Id, s.Name, s.Slug, s.Description, s.IsHidden, s.SortOrder, s.Articles.Count))
            .ToListAsync(ct);

    public Task<SectionRow?> FindAsync(int id, CancellationToken ct = default) =>
        db.Sections.AsNoTracking().Where(s => s.Id == id)
            .Select(s => new SectionRow(s.Id, s.Name, s.Slug, s.Description, s.IsHidden, s.SortOrder, s.Articles.Count, s.ChineseName))
            .FirstOrDefaultAsync(ct);

    /// <summary>Creates a section (<paramref name="id"/> null) or changes one; null when there is no such section.</summary>
    public async Task<SectionSaveResult?> SaveAsync(int? id, SectionInput input, CancellationToken ct = default)
    {
        Section? section = null;
        if (id is { } existing && (section = await db.Sections.FirstOrDefaultAsync(s => s.Id == existing, ct)) is null)
        {
            return null;
        }

        var name = PlainText.SingleLine(input.Name);
        var description = PlainText.SingleLine(input.Description);
        var chineseName = PlainText.SingleLine(input.ChineseName);
        var typed = PlainText.SingleLine(input.Slug);
        var slug = Slug.From(typed.Length == 0 ? name : typed, MaxSlug);
        var errors = new Dictionary<string, string>();
        if (PlainText.HasUnreadable(name) || PlainText.HasUnreadable(description) || PlainText.HasUnreadable(typed) || PlainText.HasUnreadable(chineseName))
        {
            errors[""] = PlainText.UnreadableError("The form");
        }

        if (name.Length == 0)
        {
            errors[nameof(SectionInput.Name)] = "Enter the section's name.";
        }
        else if (name.Length > ArticleLimits.Name)
        {
            errors[nameof(SectionInput.Name)] = $"The name can be at most {ArticleLimits.Name} characters.";
        }

        if (chineseName.Length > ArticleLimits.Name)
        {
            errors[nameof(SectionInput.ChineseName)] = $"The Chinese name can be at most {ArticleLimits.Name} characters.";
        }

        if (description.Length > MaxDescription)
        {
            errors[nameof(SectionInput.Description)] = $"The description can be at most {MaxDescription} characters.";
        }

        if (slug.Length == 0 && name.Length > 0)
        {
            errors[nameof(SectionInput.Slug)] = "Enter an address (slug) with some letters or digits, e.g. \"city-news\".";
        }
        else if (slug.Length > 0 && await SlugConflictAsync(slug, section?.Id, ct) is { } conflict)
        {
            errors[nameof(SectionInput.Slug)] = conflict;
        }

        if (errors.Count > 0)
        {
            return new SectionSaveResult(null, errors);
        }

        if (section is null)
        {
            var last = await db.Sections.MaxAsync(s => (int?)s.SortOrder, ct) ?? 0;
            section = new Section { SortOrder = last + 1 };
            db.Sections.Add(section);
        }
        else if (section.Slug != slug)
        {
            await RetireSlugAsync(section, slug, ct);
        }

        section.Name = name;
        section.ChineseName = chineseName.Length == 0 ? null : chineseName;
        section.Slug = slug;
        section.Description = description;
        section.IsHidden = input.IsHidden;
        await db.SaveChangesAsync(ct);
        return new SectionSaveResult(section.Id, new Dictionary<string, string>());
    }

    /// <summary>Moves a section one place up (-1) or down (+1) in the navigation; false when there is no such section.</summary>
    public async Task<bool> MoveAsync(int id, int step, CancellationToken ct = default)
    {
        var sections = await db.Sections.OrderBy(s => s.SortOrder).ThenBy(s => s.Name).ToListAsync(ct);
        var index = sections.FindIndex(s => s.Id == id);
        if (index < 0)
        {
            return false;
        }

        var target = Math.Clamp(index + Math.Sign(step), 0, sections.Count - 1);
        var moved = sections[index];
        sections.RemoveAt(index);
        sections.Insert(target, moved);
        for (var i = 0; i < sections.Count; i++)
        {
            sections[i].SortOrder = i + 1;
        }

        await db.SaveChangesAsync(ct);
        return true;
    }

    /// <summary>Deletes an empty section; the refusal says why not. Null when there is no such section.</summary>
    public async Task<string?> DeleteAsync(int id, CancellationToken ct = default)
    {
        var section = await db.Sections.FirstOrDefaultAsync(s => s.Id == id, ct);
        if (section is null)
        {
            return null;
        }

        var count = await db.Articles.CountAsync(a => a.SectionId == id, ct);
        if (count > 0)
        {
            return $"\"{section.Name}\" still holds {count} article{(count == 1 ? "" : "s")} (drafts and unpublished ones included). " +
                "Move them to another section first, or hide the section instead.";
        }

        db.Sections.Remove(section);
        await db.SaveChangesAsync(ct);
        return "";
    }

    private async Task<string?> SlugConflictAsync(string slug, int? sectionId, CancellationToken ct)
    {
        if (await db.Sections.AnyAsync(s => s.Slug == slug && s.Id != sectionId, ct))
        {
            return "Another section already uses this address. Choose a different one.";
        }

        return await db.SectionSlugs.AnyAsync(s => s.Slug == slug && s.SectionId != sectionId, ct)
            ? "Another section used this address before, and its old links still lead there. Choose a different one."
            : null;
    }

    /// <summary>Keeps the current slug as an old address; taking back one of its own old slugs removes that one.</summary>
    private async Task RetireSlugAsync(Section section, string newSlug, CancellationToken ct)
    {
        var reused = await db.SectionSlugs.FirstOrDefaultAsync(s => s.SectionId == section.Id && s.Slug == newSlug, ct);
        if (reused is not null)
        {
            db.SectionSlugs.Remove(reused);
        }

        if (!await db.SectionSlugs.AnyAsync(s => s.Slug == section.Slug, ct))
        {
            db.SectionSlugs.Add(new SectionSlug { Slug = section.Slug, SectionId = section.Id, RetiredAt = clock.GetUtcNow().UtcDateTime });
        }
    }
}
