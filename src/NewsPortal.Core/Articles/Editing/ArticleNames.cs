using Microsoft.EntityFrameworkCore;
using NewsPortal.Core.Data;

namespace NewsPortal.Core.Articles.Editing;

/// <summary>Finds an article's tags and authors by the slug of their names, creating those that do not exist yet.</summary>
internal sealed class ArticleNames(NewsDbContext db)
{
    /// <summary>
    /// Tag or author names as the form shows them and a revision records them: one stable order whatever order
    /// they were typed or loaded in, so saving an article unchanged records no change to its tags.
    /// </summary>
    public static string List(IEnumerable<string> names) =>
        string.Join(", ", names.Order(StringComparer.OrdinalIgnoreCase).ThenBy(n => n, StringComparer.Ordinal));

    public Task<List<Tag>> TagsAsync(IReadOnlyList<string> names, CancellationToken ct) =>
        ResolveAsync(db.Tags, names, n => new Tag { Name = n, Slug = Slug.From(n) }, t => t.Slug, slugs => db.Tags.Where(t => slugs.Contains(t.Slug)), ct);

    public Task<List<Author>> AuthorsAsync(IReadOnlyList<string> names, CancellationToken ct) =>
        ResolveAsync(db.Authors, names, n => new Author { Name = n, Slug = Slug.From(n) }, t => t.Slug, slugs => db.Authors.Where(t => slugs.Contains(t.Slug)), ct);

    private static async Task<List<T>> ResolveAsync<T>(
        DbSet<T> set, IReadOnlyList<string> names, Func<string, T> create, Func<T, string> slugOf,
        Func<List<string>, IQueryable<T>> bySlugs, CancellationToken ct)
        where T : class
    {
        if (names.Count == 0)
        {
            return [];
        }

        var slugs = names.Select(n => Slug.From(n)).ToList();
        var existing = (await bySlugs(slugs).ToListAsync(ct)).ToDictionary(slugOf);
        var result = new List<T>(names.Count);
        for (var i = 0; i < names.Count; i++)
        {
            if (!existing.TryGetValue(slugs[i], out var item))
            {
                item = create(names[i]);
                set.Add(item);
                existing[slugs[i]] = item;
            }

            result.Add(item);
        }

        return result;
    }
}
