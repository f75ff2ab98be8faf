using System.Net;
using Microsoft.EntityFrameworkCore;
using NewsPortal.IntegrationTests.Infrastructure;

namespace NewsPortal.IntegrationTests.Home;

/// <summary>Listing cards: a card with a cover keeps its image column, a card without one gives its text the full width.</summary>
public sealed class ReadingListingCards(PortalFactory factory) : IClassFixture<PortalFactory>
{
    [Fact]
    public async Task A_card_without_a_cover_gives_its_text_the_full_width()
    {
        var now = factory.Clock.GetUtcNow().UtcDateTime;
        var plain = await TestArticles.AddAsync(factory, "Lanternwick choir sings at dawn", publishedAt: now.AddMinutes(-2), sectionSlug: "culture");
        var pictured = await TestArticles.AddAsync(factory, "Lanternwick kiln fired once more", publishedAt: now.AddMinutes(-3), sectionSlug: "culture");
        await factory.WithDbAsync(async db =>
        {
            var article = await db.Articles.SingleAsync(a => a.Id == pictured.Id);
            article.CoverImageUrl = "/images/og-default.png";
            await db.SaveChangesAsync();
        });
        var client = factory.CreateBrowserClient();

        var (response, page) = await Html.GetAsync(client, "/section/culture");

        Html.AssertStatus(response, HttpStatusCode.OK);
        var cards = page.QuerySelectorAll("article.card");
        var plainCard = cards.Single(c => c.QuerySelector("h3")!.TextContent.Trim() == plain.Headline);
        var picturedCard = cards.Single(c => c.QuerySelector("h3")!.TextContent.Trim() == pictured.Headline);
        Assert.Null(plainCard.QuerySelector(".card-image"));
        Assert.Contains("no-cover", plainCard.ClassList);
        Assert.NotNull(picturedCard.QuerySelector(".card-image img"));
        Assert.DoesNotContain("no-cover", picturedCard.ClassList);

        // The stylesheet the page links gives such a card one full-width column (two classes outweigh the phone rule for .card).
        var stylesheet = page.QuerySelectorAll("link[rel=stylesheet]").Select(l => l.GetAttribute("href")!).First(h => h.Contains("/css/site.css", StringComparison.Ordinal));
        var css = await client.GetStringAsync(stylesheet);
        Assert.Contains(".card.no-cover { grid-template-columns: 1fr; }", css);
    }
}
