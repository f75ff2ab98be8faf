using Microsoft.EntityFrameworkCore;
using NewsPortal.Core.Data;
using NewsPortal.Core.Markdown;
using NewsPortal.Core.Policies;

namespace NewsPortal.Core.Seeding;

/// <summary>
/// The four policy pages of a new install without demo content, so that no footer or cookie-banner link is a
/// 404 from the first minute. Their text says plainly that it is a placeholder to replace before going live;
/// the staff dashboard lists them as "not revised" until each has a revision of the newsroom's own.
/// </summary>
public sealed class StarterPolicies(NewsDbContext db, MarkdownRenderer markdown, TimeProvider clock)
{
    /// <summary>Who the starter revisions are recorded as written by.</summary>
    public const string Author = "starter text";

    /// <summary>Opens every starter page, so that no reader or editor can miss it.</summary>
    public const string Warning = "This page holds starter text. Replace it with your newsroom's own before the site goes live.";

    private static readonly (string Key, string Title, string Markdown)[] Pages =
    [
        ("privacy", "Privacy Statement & Cookie Policy", "The site's privacy statement and cookie policy go here: what it collects, why, for how long, and the choices readers have."),
        ("terms", "Terms of Use", "The site's terms of use go here: what readers may do with its articles and what they may send through its message form."),
        ("about", "About Us", "A few lines about the newsroom go here: who publishes the site, what it covers, and how it corrects mistakes."),
        ("contact", "Contact Us", "How to reach the newsroom goes here. Readers can already [leave a message](/message)."),
    ];

    /// <summary>Adds the four pages when no policy page exists yet; returns how many were added.</summary>
    public async Task<int> SeedAsync(CancellationToken ct = default)
    {
        if (await db.PolicyDocuments.AnyAsync(ct))
        {
            return 0;
        }

        var now = clock.GetUtcNow().UtcDateTime;
        foreach (var (key, title, text) in Pages)
        {
            var body = $"**{Warning}**\n\n{text}\n";
            db.PolicyDocuments.Add(new PolicyDocument
            {
                Key = key,
                Title = title,
                Revisions =
                [
                    new PolicyRevision
                    {
                        Number = 1,
                        Markdown = body,
                        Html = markdown.Render(body).Html,
                        EffectiveAt = now,
                        IsMaterial = true,
                        ConsentVersion = 1,
                        CreatedAt = now,
                        CreatedBy = Author,
                    },
                ],
            });
        }

        await db.SaveChangesAsync(ct);
        return Pages.Length;
    }
}
