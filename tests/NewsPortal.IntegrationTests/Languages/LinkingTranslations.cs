using System.Net;
using AngleSharp.Dom;
using Microsoft.EntityFrameworkCore;
using NewsPortal.Core.Staff;
using NewsPortal.IntegrationTests.Infrastructure;
using NewsPortal.IntegrationTests.Newsroom;

namespace NewsPortal.IntegrationTests.Languages;

/// <summary>
/// An article linked to its translation in the editor: each version links to the other in the other language,
/// both name the same hreflang pair and x-default, and a link to the wrong article is refused with the reason.
/// </summary>
public sealed class LinkingTranslations(PortalFactory factory) : IClassFixture<PortalFactory>
{
    [Fact]
    public async Task A_story_and_its_translation_link_to_each_other_and_name_each_other_as_hreflang_alternates()
    {
        var editor = await Staff.SignedInClientAsync(factory, StaffRoles.Editor);
        var english = await ArticleForms.CreateAsync(factory, editor, "Cable car reopens over the Yangtze", command: "publish");
        var englishSlug = await SlugAsync(english);
        var chinese = await ArticleForms.CreateAsync(factory, editor, "长江索道重新开放", "索道今天恢复运营。", "publish", new Dictionary<string, string>
        {
            ["Input.Slug"] = "cable-car-reopens-zh",
            ["Input.Language"] = "zh-Hans",
            ["Input.Translation"] = $"https://news.example/article/{englishSlug}",
        });

        // The link is kept both ways: the English article's form names the Chinese one.
        var (_, englishForm) = await Html.GetAsync(editor, $"/staff/articles/edit/{english}");
        Assert.Equal("/article/cable-car-reopens-zh", englishForm.QuerySelector<AngleSharp.Html.Dom.IHtmlInputElement>("input[name='Input.Translation']")!.Value);

        var reader = factory.CreateBrowserClient();
        var (_, englishPage) = await Html.GetAsync(reader, $"/article/{englishSlug}");
        var toChinese = englishPage.QuerySelector(".article .translation a")!;
        Assert.Equal("/zh/article/cable-car-reopens-zh", toChinese.GetAttribute("href"));
        Assert.Equal("长江索道重新开放", toChinese.TextContent);
        Assert.Equal("zh-Hans", englishPage.QuerySelector(".article .translation")!.GetAttribute("lang"));
        var (_, chinesePage) = await Html.GetAsync(reader, "/zh/article/cable-car-reopens-zh");
        Assert.Equal($"/article/{englishSlug}", chinesePage.QuerySelector(".article .translation a")!.GetAttribute("href"));
        Assert.Equal("阅读本文中文版：", englishPage.QuerySelector(".article .translation")!.FirstChild!.TextContent.Trim());

        var expected = new Dictionary<string, string>
        {
            ["en"] = $"http://localhost/article/{englishSlug}",
            ["zh-Hans"] = "http://localhost/zh/article/cable-car-reopens-zh",
            ["x-default"] = $"http://localhost/article/{englishSlug}",
        };
        Assert.Equal(expected, Alternates(englishPage));
        Assert.Equal(expected, Alternates(chinesePage));
        Assert.Equal("/zh/article/cable-car-reopens-zh", englishPage.QuerySelector(".language-switch a[hreflang='zh-Hans']")!.GetAttribute("href"));

        // Unpublished, the translation is no longer offered; the English page is again its own pair.
        Html.AssertStatus(await ArticleForms.PressAsync(editor, chinese, "unpublish"), HttpStatusCode.Redirect);
        var (_, alone) = await Html.GetAsync(reader, $"/article/{englishSlug}");
        Assert.Null(alone.QuerySelector(".article .translation"));
        Assert.Equal($"http://localhost/zh/article/{englishSlug}", Alternates(alone)["zh-Hans"]);
    }

    [Theory]
    [InlineData("/article/no-such-story", "There is no article at")]
    [InlineData("same-language", "is in the same language as this article")]
    [InlineData("self", "cannot be its own translation")]
    public async Task A_translation_that_is_missing_in_the_same_language_or_the_article_itself_is_refused_and_nothing_changes(string typed, string message)
    {
        var editor = await Staff.SignedInClientAsync(factory, StaffRoles.Editor);
        var article = await ArticleForms.CreateAsync(factory, editor, $"Ferry fares {Guid.NewGuid():N}", command: "publish");
        var other = await ArticleForms.CreateAsync(factory, editor, $"Bus fares {Guid.NewGuid():N}", command: "publish");
        var value = typed switch
        {
            "same-language" => $"/article/{await SlugAsync(other)}",
            "self" => article.ToString(System.Globalization.CultureInfo.InvariantCulture),
            _ => typed,
        };

        var refused = await ArticleForms.PressAsync(editor, article, "save", new Dictionary<string, string> { ["Input.Translation"] = value });

        Html.AssertStatus(refused, HttpStatusCode.BadRequest);
        Assert.Contains(message, (await Html.ParseAsync(refused)).Text("#article-form"));
        Assert.Null(await factory.WithDbAsync(db => db.Articles.Where(a => a.Id == article).Select(a => a.TranslationId).SingleAsync()));
    }

    private Task<string> SlugAsync(int id) => factory.WithDbAsync(db => db.Articles.Where(a => a.Id == id).Select(a => a.Slug).SingleAsync());

    private static Dictionary<string, string> Alternates(AngleSharp.Dom.IDocument page) =>
        page.QuerySelectorAll("link[rel=alternate][hreflang]").ToDictionary(l => l.GetAttribute("hreflang")!, l => l.GetAttribute("href")!);
}
