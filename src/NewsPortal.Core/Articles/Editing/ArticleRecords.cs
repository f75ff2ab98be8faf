using NewsPortal.Core.Media;

namespace NewsPortal.Core.Articles.Editing;

/// <summary>What a checked save writes: the article's fields, and the revision that keeps a copy of them.</summary>
internal static class ArticleRecords
{
    public static void Apply(Article article, CheckedArticle fields, Markdown.RenderedMarkdown rendered, string slug, ArticleInput input, PublishingState state, MediaImage? uploaded, DateTime now)
    {
        article.Headline = fields.Headline;
        article.Slug = slug;
        article.Standfirst = fields.Standfirst;
        article.SectionId = input.SectionId;
        article.Source = fields.Source;
        article.Language = fields.Language;
        article.CoverCaption = fields.Caption;
        article.CoverCredit = fields.Credit;
        if (uploaded is not null)
        {
            article.CoverImage = uploaded;
            article.CoverImageUrl = null;
        }
        else if (input.RemoveCover)
        {
            article.CoverImage = null;
            article.CoverImageId = null;
            article.CoverImageUrl = null;
        }

        article.BodyMarkdown = fields.Body;
        article.BodyHtml = rendered.Html;
        article.BodyText = rendered.PlainText;
        article.ReadingMinutes = rendered.ReadingMinutes;
        article.Status = state.Status;
        article.PublishedAt = state.PublishedAt;
        article.UpdatedAt = now;
    }

    /// <summary>A revision of what was saved; tags and authors by the names stored, in the order the form shows them.</summary>
    public static ArticleRevision Revision(int number, CheckedArticle fields, string slug, int sectionId, string editedBy, DateTime now, Article saved) => new()
    {
        Number = number,
        CreatedAt = now,
        EditedBy = editedBy.Length > ArticleLimits.EditedBy ? editedBy[..ArticleLimits.EditedBy] : editedBy,
        Headline = fields.Headline,
        Slug = slug,
        Standfirst = fields.Standfirst,
        BodyMarkdown = fields.Body,
        Source = fields.Source,
        CoverCaption = fields.Caption,
        CoverCredit = fields.Credit,
        SectionId = sectionId,
        TagNames = ArticleNames.List(saved.Tags.Select(t => t.Name)),
        AuthorNames = ArticleNames.List(saved.Authors.Select(a => a.Name)),
    };
}
