using Microsoft.EntityFrameworkCore;
using NewsPortal.Core.Articles;
using NewsPortal.IntegrationTests.Infrastructure;

namespace NewsPortal.IntegrationTests.Languages;

/// <summary>Puts a published article in Simplified Chinese straight into the database.</summary>
internal static class ChineseArticles
{
    public const string Headline = "解放碑步行街重新开放";

    public static async Task<Article> AddAsync(PortalFactory factory, string slug)
    {
        var article = await TestArticles.AddAsync(factory, $"Chinese story {slug}", markdown: "成渝两地的**地铁**今天开通。");
        await factory.WithDbAsync(async db =>
        {
            var stored = await db.Articles.SingleAsync(a => a.Id == article.Id);
            stored.Headline = Headline;
            stored.Slug = slug;
            stored.Standfirst = "重庆的市民今天又可以在解放碑散步了。";
            stored.Language = ArticleLanguage.Chinese;
            await db.SaveChangesAsync();
        });
        article.Slug = slug;
        return article;
    }
}
