using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using NewsPortal.Core.Articles;
using NewsPortal.Core.Markdown;

namespace NewsPortal.IntegrationTests.Infrastructure;

/// <summary>Puts articles straight into the database for tests about what readers see.</summary>
public static class TestArticles
{
    public static async Task<Article> AddAsync(
        PortalFactory factory,
        string headline,
        ArticleStatus status = ArticleStatus.Published,
        DateTime? publishedAt = null,
        string markdown = "Body text.",
        string sectionSlug = "city")
    {
        var renderer = factory.Services.GetRequiredService<MarkdownRenderer>();
        var rendered = renderer.Render(markdown);
        var now = factory.Clock.GetUtcNow().UtcDateTime;
        return await factory.WithDbAsync(async db =>
        {
            var section = await db.Sections.SingleAsync(s => s.Slug == sectionSlug);
            var article = new Article
            {
                Headline = headline,
                Slug = Slug.From(headline),
                Standfirst = $"Standfirst of {headline}.",
                BodyMarkdown = markdown,
                BodyHtml = rendered.Html,
                BodyText = rendered.PlainText,
                ReadingMinutes = rendered.ReadingMinutes,
                Status = status,
                PublishedAt = publishedAt ?? (status == ArticleStatus.Draft ? null : now.AddMinutes(-1)),
                CreatedAt = now,
                UpdatedAt = now,
                SectionId = section.Id,
            };
            db.Articles.Add(article);
            await db.SaveChangesAsync();
            return article;
        });
    }
}
