using System.Net;
using Microsoft.EntityFrameworkCore;
using NewsPortal.Core.Activity;
using NewsPortal.Core.Policies;
using NewsPortal.Core.Staff;
using NewsPortal.IntegrationTests.Infrastructure;

namespace NewsPortal.IntegrationTests.Policies;

/// <summary>
/// The Chinese versions of the policy pages: written by administrators beside the English text in force, shown under
/// /zh with the English revision's date, with a notice when the English text was revised since; the English text,
/// marked as English, while a page has no Chinese version.
/// </summary>
public sealed class TranslatingPolicyPages(PortalFactory factory) : IClassFixture<PortalFactory>
{
    private const string PrivacyTitle = "隐私声明与Cookie政策";
    private const string PrivacyText = "## 我们收集什么\n\n我们只保存**必要的**信息。";

    [Fact]
    public async Task A_Chinese_version_saved_in_the_staff_form_shows_under_zh_at_once_and_not_at_the_English_address()
    {
        var admin = await Infrastructure.Staff.SignedInClientAsync(factory, StaffRoles.Admin);
        var reader = factory.CreateBrowserClient();
        var (_, cached) = await Html.GetAsync(reader, "/zh/privacy"); // now in the reader cache
        Assert.Equal("Privacy Statement & Cookie Policy", cached.Text("main h1"));
        var inForce = await factory.WithDbAsync(db => db.PolicyRevisions.Where(r => r.Document!.Key == "privacy").MaxAsync(r => r.Number));

        var saved = await PolicyEditing.TranslateAsync(admin, "privacy", PrivacyTitle, PrivacyText);

        Html.AssertStatus(saved, HttpStatusCode.Redirect);
        var (_, editor) = await Html.GetAsync(admin, saved.Headers.Location!.OriginalString);
        Assert.Contains($"translating English revision {inForce}", editor.Text(".notice"));
        Assert.StartsWith("Up to date.", editor.Text("#translation-status"));
        Assert.Equal(PrivacyTitle, editor.QuerySelector("input[name='Input.Title']")!.GetAttribute("value"));

        var (response, page) = await Html.GetAsync(reader, "/zh/privacy");
        Html.AssertStatus(response, HttpStatusCode.OK);
        Assert.Equal("zh-Hans", page.DocumentElement.GetAttribute("lang"));
        Assert.Equal(PrivacyTitle, page.Text("main h1"));
        Assert.Equal($"{PrivacyTitle} | NewsPortal", page.Title);
        Assert.Equal("我们收集什么", page.Text(".policy-body h2"));
        Assert.Equal("必要的", page.Text(".policy-body strong"));
        Assert.Null(page.QuerySelector(".policy-body")!.GetAttribute("lang"));
        Assert.Null(page.QuerySelector("main h1")!.GetAttribute("lang"));
        Assert.Null(page.QuerySelector(".translation-notice"));
        Assert.Equal("最后修订于 2026年1月1日", page.Text("main .meta"));
        Assert.Equal("2026-01-01T08:00:00+08:00", page.QuerySelector("main .meta time")!.GetAttribute("datetime"));

        var (_, english) = await Html.GetAsync(reader, "/privacy");
        Assert.Equal("Privacy Statement & Cookie Policy", english.Text("main h1"));
        Assert.DoesNotContain("我们", english.Text(".policy-body"));

        var stored = await factory.WithDbAsync(db => db.PolicyTranslations.SingleAsync(t => t.Document!.Key == "privacy"));
        Assert.Equal(("zh-Hans", inForce, "Test Admin"), (stored.Language, stored.RevisionNumber, stored.UpdatedBy));
        Assert.Equal(inForce, await factory.WithDbAsync(db => db.PolicyRevisions.Where(r => r.Document!.Key == "privacy").MaxAsync(r => r.Number)));
        var entry = await factory.WithDbAsync(db => db.ActivityEntries.OrderByDescending(e => e.Id).FirstAsync(e => e.Action == ActivityActions.PolicyChanged));
        Assert.Equal(("privacy", "Test Admin"), (entry.Subject, entry.ActorName));
        Assert.Contains("Chinese version", entry.Detail);
    }

    [Fact]
    public async Task After_a_new_English_revision_the_Chinese_page_says_the_English_version_prevails_until_it_is_translated_again()
    {
        var admin = await Infrastructure.Staff.SignedInClientAsync(factory, StaffRoles.Admin);
        var reader = factory.CreateBrowserClient();
        await PolicyEditing.TranslateOkAsync(admin, "about", "关于我们", "我们是一家城市新闻机构。");
        var (_, current) = await Html.GetAsync(reader, "/zh/about");
        Assert.Null(current.QuerySelector(".translation-notice"));

        await PolicyEditing.ReviseOkAsync(admin, "about", material: false, markdown: "We are a city newsroom, now with a **night desk**.");

        var (_, page) = await Html.GetAsync(reader, "/zh/about");
        Assert.Equal("关于我们", page.Text("main h1"));
        Assert.Equal("我们是一家城市新闻机构。", page.Text(".policy-body"));
        var notice = page.QuerySelector(".translation-notice")!;
        Assert.Equal("本页英文版在此译文完成后已经修订，内容如有出入，以英文版为准。 阅读英文版", string.Join(' ', notice.TextContent.Split((char[])[' ', '\n'], StringSplitOptions.RemoveEmptyEntries)));
        Assert.Equal("/about", notice.QuerySelector("a")!.GetAttribute("href"));
        Assert.Equal("en", notice.QuerySelector("a")!.GetAttribute("hreflang"));
        var (_, editor) = await Html.GetAsync(admin, "/staff/policies/about/chinese");
        Assert.StartsWith("Out of date.", editor.Text("#translation-status"));
        Assert.Contains("night desk", editor.Text(".english-source"));
        var (_, list) = await Html.GetAsync(admin, "/staff/policies");
        Assert.Contains("out of date", list.Text(".chinese-versions"));

        await PolicyEditing.TranslateOkAsync(admin, "about", "关于我们", "我们是一家城市新闻机构，现设夜班编辑部。");

        var (_, again) = await Html.GetAsync(reader, "/zh/about");
        Assert.Null(again.QuerySelector(".translation-notice"));
        Assert.Equal("我们是一家城市新闻机构，现设夜班编辑部。", again.Text(".policy-body"));
        Assert.Equal(2, await factory.WithDbAsync(db => db.PolicyTranslations.Where(t => t.Document!.Key == "about").Select(t => t.RevisionNumber).SingleAsync()));
    }

    [Fact]
    public async Task A_page_with_no_Chinese_version_shows_the_English_text_marked_as_English_with_a_notice_in_Chinese()
    {
        var (response, page) = await Html.GetAsync(factory.CreateBrowserClient(), "/zh/terms");

        Html.AssertStatus(response, HttpStatusCode.OK);
        Assert.Equal("zh-Hans", page.DocumentElement.GetAttribute("lang"));
        Assert.Equal("本页尚无中文版，以下为英文原文。", page.Text(".translation-notice"));
        Assert.Null(page.QuerySelector(".translation-notice")!.GetAttribute("lang"));
        Assert.Equal("Terms of Use", page.Text("main h1"));
        Assert.Equal("en", page.QuerySelector("main h1")!.GetAttribute("lang"));
        Assert.Equal("en", page.QuerySelector(".policy-body")!.GetAttribute("lang"));
        Assert.Contains("Changes", page.Text(".policy-body"));
        Assert.Equal("最后修订于 2026年1月1日", page.Text("main .meta"));
        Assert.Equal("使用条款", page.Text(".footer-links li:nth-child(4) a"));

        var (_, english) = await Html.GetAsync(factory.CreateBrowserClient(), "/terms");
        Assert.Null(english.QuerySelector(".translation-notice"));
        Assert.Null(english.QuerySelector(".policy-body")!.GetAttribute("lang"));
    }

    [Theory]
    [InlineData("", "联系我们", "Enter the title of the page.")]
    [InlineData("联系我们", "   ", "Enter the text of the page.")]
    [InlineData("TOO LONG", "联系我们", "The title can be at most 200 characters.")]
    [InlineData("联系我们", "TOO LONG", "The text can be at most 100000 characters.")]
    [InlineData("联系\uFFFD我们", "联系我们", "The title contains characters that could not be read")]
    public async Task A_Chinese_version_without_a_title_or_text_or_over_the_limits_is_refused_with_the_reason_and_nothing_is_stored(
        string title, string markdown, string message)
    {
        title = title == "TOO LONG" ? new string('长', PolicyRules.MaxTitle + 1) : title;
        markdown = markdown == "TOO LONG" ? new string('x', PolicyRules.MaxMarkdown + 1) : markdown;
        var admin = await Infrastructure.Staff.SignedInClientAsync(factory, StaffRoles.Admin);

        var response = await PolicyEditing.TranslateAsync(admin, "contact", title, markdown);

        Html.AssertStatus(response, HttpStatusCode.UnprocessableEntity);
        var page = await Html.ParseAsync(response);
        Assert.Contains(message, page.Text("form.translation-editor"));
        Assert.False(await factory.WithDbAsync(db => db.PolicyTranslations.AnyAsync(t => t.Document!.Key == "contact")));
        var (_, reader) = await Html.GetAsync(factory.CreateBrowserClient(), "/zh/contact");
        Assert.Equal("本页尚无中文版，以下为英文原文。", reader.Text(".translation-notice"));
    }

    [Fact]
    public async Task Staff_who_cannot_edit_policies_cannot_write_their_Chinese_versions()
    {
        var editor = await Infrastructure.Staff.SignedInClientAsync(factory, StaffRoles.Editor);
        var (_, token) = await Html.GetAsync(editor, "/staff/password");

        var page = await editor.GetAsync("/staff/policies/contact/chinese");
        var post = await editor.PostAsync("/staff/policies/contact/chinese", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["Input.Title"] = "联系我们",
            ["Input.Markdown"] = "被篡改",
            ["__RequestVerificationToken"] = token.QuerySelector("input[name=__RequestVerificationToken]")!.GetAttribute("value")!,
        }));

        Html.AssertStatus(page, HttpStatusCode.Redirect);
        Assert.StartsWith("/staff/denied", page.Headers.Location!.PathAndQuery(), StringComparison.Ordinal);
        Html.AssertStatus(post, HttpStatusCode.Redirect);
        Assert.StartsWith("/staff/denied", post.Headers.Location!.PathAndQuery(), StringComparison.Ordinal);
        Assert.False(await factory.WithDbAsync(db => db.PolicyTranslations.AnyAsync(t => t.Document!.Key == "contact")));
    }
}
