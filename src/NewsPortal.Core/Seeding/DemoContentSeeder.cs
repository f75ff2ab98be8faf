using System.Globalization;
using Microsoft.EntityFrameworkCore;
using NewsPortal.Core.Articles;
using NewsPortal.Core.Data;
using NewsPortal.Core.Markdown;
using NewsPortal.Core.Policies;

namespace NewsPortal.Core.Seeding;

/// <summary>Fills an empty database with demo sections, articles and policy pages.</summary>
public sealed class DemoContentSeeder(NewsDbContext db, MarkdownRenderer markdown, TimeProvider clock)
{
    /// <summary>Seeds articles when there are none and policy pages when there are none. Returns the articles added.</summary>
    public async Task<int> SeedAsync(CancellationToken ct = default)
    {
        await SeedPoliciesAsync(ct);
        if (await db.Articles.AnyAsync(ct))
        {
            return 0;
        }

        var now = clock.GetUtcNow().UtcDateTime;
        var authors = new Dictionary<string, Author>();
        var tags = new Dictionary<string, Tag>();
        var order = 0;
        var count = 0;
        var total = DemoArticles.Sections.Sum(s => s.Stories.Length);

        foreach (var demo in DemoArticles.Sections)
        {
            var section = new Section { Name = demo.Name, Slug = demo.Slug, Description = demo.Description, SortOrder = order++ };
            db.Sections.Add(section);
            foreach (var story in demo.Stories)
            {
                var (headline, standfirst, tagList, authorName) = (story[0], story[1], story[2], story[3]);
                var body = Body(demo, headline, standfirst, count);
                var rendered = markdown.Render(body);

                // Spread over about six weeks, sections interleaved (17 is coprime with the story count).
                var position = count * 17 % total;
                var published = now.AddMinutes(-((position * 23 * 60) + 90 + (count * 7 % 50)));
                var article = new Article
                {
                    Headline = headline,
                    Slug = Slug.From(headline),
                    Standfirst = standfirst,
                    BodyMarkdown = body,
                    BodyHtml = rendered.Html,
                    BodyText = rendered.PlainText,
                    ReadingMinutes = rendered.ReadingMinutes,
                    Status = ArticleStatus.Published,
                    PublishedAt = published,
                    CreatedAt = published.AddHours(-2),
                    // Some demo articles were updated after publication, never later than now.
                    UpdatedAt = count % 5 == 0 ? Min(published.AddHours(4), now) : published,
                    Section = section,
                    Source = count % 3 == 0 ? "NewsPortal" : "NewsPortal Staff Reporters",
                    CoverImageUrl = $"/images/demo/{demo.Slug}.svg",
                    CoverCaption = $"Illustration for {demo.Name}.",
                    CoverCredit = "NewsPortal graphics",
                    ViewCount = (count * 37) % 101,
                };
                article.Authors.Add(Named(authors, authorName, n => new Author { Name = n, Slug = Slug.From(n), Bio = $"{n} writes for NewsPortal." }));
                foreach (var tagName in tagList.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries))
                {
                    article.Tags.Add(Named(tags, tagName, n => new Tag { Name = n, Slug = Slug.From(n) }));
                }

                article.Revisions.Add(new ArticleRevision
                {
                    Number = 1,
                    CreatedAt = article.CreatedAt,
                    EditedBy = "demo content",
                    Headline = headline,
                    Slug = article.Slug,
                    Standfirst = standfirst,
                    BodyMarkdown = body,
                    Source = article.Source,
                    CoverCaption = article.CoverCaption,
                    CoverCredit = article.CoverCredit,
                    TagNames = tagList,
                    AuthorNames = authorName,
                });
                db.Articles.Add(article);
                count++;
            }
        }

        if (DemoTopics.ChengduChongqing(db.ChangeTracker.Entries<Article>().Select(e => e.Entity), markdown, now) is { } topic)
        {
            db.Topics.Add(topic);
        }

        await db.SaveChangesAsync(ct);
        return count;
    }

    private static T Named<T>(Dictionary<string, T> cache, string name, Func<string, T> create)
    {
        if (!cache.TryGetValue(name, out var value))
        {
            value = create(name);
            cache[name] = value;
        }

        return value;
    }

    private static string Body(DemoArticles.DemoSection section, string headline, string standfirst, int n)
    {
        var inv = CultureInfo.InvariantCulture;
        var figure = 120 + (n * 17 % 300);
        var share = 12 + (n * 7 % 40);
        var chinese = n % 4 == 0
            ? "\n\nLocal residents described the change in their own words: “重庆的变化很大，成渝两地的合作越来越紧密。”\n"
            : "";
        return string.Create(inv, $"""
            {standfirst} The {section.Name.ToLowerInvariant()} desk looked at what it means for people in the city.{chinese}

            ## What is changing

            Officials said the plan had been discussed with residents over several months. "We listened first," one district officer said. Around {figure} households were consulted, and about {share}% asked for changes that were then made.

            - The first phase starts this month.
            - A second phase follows if the first meets its goals.
            - Residents can send comments through the [Leaving a message](/message) page.

            ## In numbers

            | Measure | Before | After |
            |---|---:|---:|
            | Households consulted | 0 | {figure} |
            | Share asking for changes | n/a | {share}% |
            | Phases planned | 1 | 2 |

            > "It is the small things that make a city easier to live in," said a resident who has lived in the area for thirty years.

            ![{section.Name} illustration](/images/demo/{section.Slug}.svg)

            ### What happens next

            1. A public report on the first phase.
            2. A decision on the second phase.
            3. Regular updates in the *{section.Name}* section.

            For background, see our earlier coverage in the [{section.Name} section](/section/{section.Slug}) and the city's **open data** pages.
            """);
    }

    private async Task SeedPoliciesAsync(CancellationToken ct)
    {
        if (await db.PolicyDocuments.AnyAsync(ct))
        {
            return;
        }

        var effective = new DateTime(2026, 1, 1, 0, 0, 0, DateTimeKind.Utc);
        foreach (var (key, title, text) in DemoPolicies.All)
        {
            var rendered = markdown.Render(text);
            db.PolicyDocuments.Add(new PolicyDocument
            {
                Key = key,
                Title = title,
                Revisions =
                [
                    new PolicyRevision
                    {
                        Number = 1,
                        Markdown = text,
                        Html = rendered.Html,
                        EffectiveAt = effective,
                        IsMaterial = true,
                        ConsentVersion = 1,
                        CreatedAt = effective,
                        CreatedBy = "demo content",
                    },
                ],
            });
        }

        await db.SaveChangesAsync(ct);
    }

    private static DateTime Min(DateTime a, DateTime b) => a < b ? a : b;
}
