using System.Net;
using Microsoft.EntityFrameworkCore;
using NewsPortal.Core.Articles;
using NewsPortal.Core.Staff;
using NewsPortal.IntegrationTests.Infrastructure;
using NewsPortal.IntegrationTests.Newsroom;
using NewsPortal.Web.Features.Staff.Articles;

namespace NewsPortal.IntegrationTests.Languages;

/// <summary>Articles, tags and authors named in Chinese get readable ASCII addresses, through the import command and the editor.</summary>
public sealed class WritingInChinese(NewsroomFactory factory) : IClassFixture<NewsroomFactory>
{
    [Fact]
    public async Task An_imported_article_with_a_Chinese_headline_tag_and_author_and_no_slug_gets_ASCII_addresses_and_its_language()
    {
        var folder = Path.Combine(factory.DataFolder, "chinese-import");
        Directory.CreateDirectory(folder);
        await File.WriteAllTextAsync(Path.Combine(folder, "chengyu.md"), """
            ---
            headline: 成渝快线开通
            section: city
            tags: [成渝]
            authors: [陈璐]
            standfirst: 两座城市之间的新线路今天开通。
            published: 2026-11-30 09:00
            language: zh-Hans
            ---
            成渝两地的地铁今天开通，重庆的市民可以直接坐到成都。
            """);

        using var console = new CommandConsole(width: 200);
        var exit = await NewsroomCommands.ImportAsync(factory.Services, folder, console.Console, CancellationToken.None);

        Assert.True(exit == 0, console.Output);
        var stored = await factory.WithDbAsync(db => db.Articles.Where(a => a.Headline == "成渝快线开通")
            .Select(a => new { a.Slug, a.Language, Tags = a.Tags.Select(t => t.Slug).ToList(), Authors = a.Authors.Select(t => t.Slug).ToList() })
            .SingleAsync());
        Assert.Equal("cheng-yu-kuai-xian-kai-tong", stored.Slug);
        Assert.Equal(ArticleLanguage.Chinese, stored.Language);
        Assert.Equal(["cheng-yu"], stored.Tags);
        Assert.Equal(["chen-lu"], stored.Authors);

        var reader = factory.CreateBrowserClient();
        var (response, page) = await Html.GetAsync(reader, $"/zh/article/{stored.Slug}");
        Html.AssertStatus(response, HttpStatusCode.OK);
        Assert.Equal("zh-Hans", page.DocumentElement.GetAttribute("lang"));
        Assert.Equal("/zh/tag/cheng-yu", page.QuerySelector(".tags a")!.GetAttribute("href"));
        Assert.Equal("/zh/author/chen-lu", page.QuerySelector(".byline a[rel=author]")!.GetAttribute("href"));
        Html.AssertStatus(await reader.GetAsync("/zh/tag/cheng-yu"), HttpStatusCode.OK);
        Html.AssertStatus(await reader.GetAsync("/author/chen-lu"), HttpStatusCode.OK);

        var exported = Path.Combine(factory.DataFolder, "chinese-export");
        using var exportConsole = new CommandConsole(width: 200);
        Assert.Equal(0, await NewsroomCommands.ExportAsync(factory.Services, exported, exportConsole.Console, CancellationToken.None));
        var file = await File.ReadAllTextAsync(Path.Combine(exported, stored.Slug + ".md"));
        Assert.Contains("language: zh-Hans", file);
    }

    [Fact]
    public async Task An_import_with_an_unknown_language_is_refused_with_the_languages_there_are()
    {
        var folder = Path.Combine(factory.DataFolder, "klingon-import");
        Directory.CreateDirectory(folder);
        await File.WriteAllTextAsync(Path.Combine(folder, "story.md"), "---\nheadline: Story\nsection: city\nlanguage: tlh\n---\nBody.\n");

        using var console = new CommandConsole(width: 300);
        var exit = await NewsroomCommands.ImportAsync(factory.Services, folder, console.Console, CancellationToken.None);

        Assert.Equal(1, exit);
        Assert.Contains("\"tlh\" is not a language articles can be written in (use en or zh-Hans)", console.Output.Replace("\n", "", StringComparison.Ordinal));
    }

    [Fact]
    public async Task The_editor_takes_Chinese_tags_and_authors_without_a_slug_and_saves_the_article_language()
    {
        var editor = await Staff.SignedInClientAsync(factory, StaffRoles.Editor);

        var id = await ArticleForms.CreateAsync(factory, editor, "解放碑步行街重新开放", more: new Dictionary<string, string>
        {
            ["Input.Tags"] = "解放碑, 重庆",
            ["Input.Authors"] = "陈璐",
            ["Input.Language"] = ArticleLanguage.Chinese,
        });

        var stored = await factory.WithDbAsync(db => db.Articles.Where(a => a.Id == id)
            .Select(a => new { a.Slug, a.Language, Tags = a.Tags.Select(t => t.Slug).OrderBy(s => s).ToList(), Authors = a.Authors.Select(t => t.Slug).ToList() })
            .SingleAsync());
        Assert.Equal("jie-fang-bei-bu-xing-jie-zhong-xin-kai-fang", stored.Slug);
        Assert.Equal(ArticleLanguage.Chinese, stored.Language);
        Assert.Equal(["chongqing", "jie-fang-bei"], stored.Tags);
        Assert.Equal(["chen-lu"], stored.Authors);
        var (_, form) = await Html.GetAsync(editor, $"/staff/articles/edit/{id}");
        Assert.Equal(ArticleLanguage.Chinese, form.QuerySelector("#Input_Language option[selected]")!.GetAttribute("value"));
    }
}
