using System.Net;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using NewsPortal.Core.Staff;
using NewsPortal.IntegrationTests.Infrastructure;
using NewsPortal.IntegrationTests.Newsroom;

namespace NewsPortal.IntegrationTests.Languages;

/// <summary>
/// Each member of staff chooses the language of their own staff pages: an account that chooses 中文 gets the
/// dashboard, the article editor, the inbox and the site details in Chinese (html lang, labels, form errors and
/// dates), at once and after signing in again; other accounts stay English; administrators choose it for others; a
/// language the pages do not have is refused with a clear answer.
/// </summary>
public sealed partial class StaffPagesInChinese(NewsroomFactory factory) : IClassFixture<NewsroomFactory>
{
    [Fact]
    public async Task An_account_that_chooses_Chinese_gets_its_staff_pages_in_Chinese_and_another_stays_English()
    {
        var email = await Staff.CreateAsync(factory, StaffRoles.Admin);
        var chinese = factory.CreateBrowserClient();
        await Staff.SignInAsync(chinese, email);
        var english = await Staff.SignedInClientAsync(factory, StaffRoles.Admin);

        var chosen = await ChooseAsync(chinese, "zh-Hans");
        Html.AssertStatus(chosen, HttpStatusCode.Redirect);
        var (_, account) = await Html.GetAsync(chinese, "/staff/account");
        Assert.Equal("zh-Hans", account.DocumentElement.GetAttribute("lang"));
        Assert.Equal("已保存：后台页面现以您选择的语言显示。", account.Text("p.notice"));

        var (dashboardAnswer, dashboard) = await Html.GetAsync(chinese, "/staff");
        Html.AssertStatus(dashboardAnswer, HttpStatusCode.OK);
        Assert.Equal("zh-Hans", dashboard.DocumentElement.GetAttribute("lang"));
        Assert.Equal("员工工作台", dashboard.Text("h1"));
        Assert.Contains("退出登录", dashboard.Text("form.sign-out button"));
        Assert.Contains("撰写稿件", dashboard.Body!.TextContent);
        Assert.Contains("工作台 |", dashboard.Title);

        var (_, editor) = await Html.GetAsync(chinese, "/staff/articles/edit");
        Assert.Equal("zh-Hans", editor.DocumentElement.GetAttribute("lang"));
        Assert.Equal("新建稿件", editor.Text("h1"));
        Assert.Equal("标题", editor.Text("label[for=Input_Headline]"));
        Assert.Equal("栏目", editor.Text("label[for=Input_SectionId]"));
        Assert.Contains("保存草稿", editor.QuerySelectorAll("#article-form button").Select(b => b.TextContent.Trim()));

        var (inboxAnswer, inbox) = await Html.GetAsync(chinese, "/staff/inbox");
        Html.AssertStatus(inboxAnswer, HttpStatusCode.OK);
        Assert.Equal("zh-Hans", inbox.DocumentElement.GetAttribute("lang"));
        Assert.Equal("读者留言", inbox.Text("h1"));
        Assert.Equal("电子邮件摘要", inbox.Text("#digest-title"));

        var (settingsAnswer, settings) = await Html.GetAsync(chinese, "/staff/settings");
        Html.AssertStatus(settingsAnswer, HttpStatusCode.OK);
        Assert.Equal("zh-Hans", settings.DocumentElement.GetAttribute("lang"));
        Assert.Equal("网站信息", settings.Text("h1"));
        var noName = await Html.SubmitAsync(chinese, settings, "#settings-form", new Dictionary<string, string> { ["Input.Name"] = "" });
        Assert.Contains("请输入网站名称。", (await Html.ParseAsync(noName)).Text(".errors"));

        var (_, media) = await Html.GetAsync(chinese, "/staff/media");
        Assert.Equal("媒体库", media.Text("h1"));
        Assert.Equal("", media.Text(".errors"));

        // The other account, and everything it sees, stays English.
        var (_, englishDashboard) = await Html.GetAsync(english, "/staff");
        Assert.Equal("en", englishDashboard.DocumentElement.GetAttribute("lang"));
        Assert.Equal("Staff dashboard", englishDashboard.Text("h1"));
        var (_, englishEditor) = await Html.GetAsync(english, "/staff/articles/edit");
        Assert.Equal("Headline", englishEditor.Text("label[for=Input_Headline]"));

        // Reader pages keep the language of their address, whoever reads them.
        var (_, home) = await Html.GetAsync(chinese, "/");
        Assert.Equal("en", home.DocumentElement.GetAttribute("lang"));
    }

    [Fact]
    public async Task A_form_error_and_the_dates_on_a_Chinese_staff_page_are_in_Chinese()
    {
        var client = await SignedInChineseAsync(StaffRoles.Editor);

        var refused = await ArticleForms.SubmitAsync(client, ArticleForms.NewArticle, "save-draft", new Dictionary<string, string>
        {
            ["Input.Headline"] = "",
            ["Input.SectionId"] = (await ArticleForms.SectionIdAsync(factory)).ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["Input.Body"] = "正文。",
        });
        var page = await Html.ParseAsync(refused);
        Assert.Equal("zh-Hans", page.DocumentElement.GetAttribute("lang"));
        Assert.Contains("请填写标题。", page.Text(".errors"));
        Assert.DoesNotContain("Write a headline.", page.Body!.TextContent);

        // A message made with numbers in it is translated with them.
        var tooLong = await ArticleForms.SubmitAsync(client, ArticleForms.NewArticle, "save-draft", new Dictionary<string, string>
        {
            ["Input.Headline"] = new string('长', 301),
            ["Input.SectionId"] = (await ArticleForms.SectionIdAsync(factory)).ToString(System.Globalization.CultureInfo.InvariantCulture),
        });
        Assert.Matches(@"标题最多 \d+ 个字符；当前有 301 个。", (await Html.ParseAsync(tooLong)).Text(".errors"));

        // And so is a word that stood in it ("A tag name can be at most…").
        var longTag = await ArticleForms.SubmitAsync(client, ArticleForms.NewArticle, "save-draft", new Dictionary<string, string>
        {
            ["Input.Headline"] = "标签太长",
            ["Input.SectionId"] = (await ArticleForms.SectionIdAsync(factory)).ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["Input.Tags"] = new string('标', 150),
        });
        Assert.Matches(@"标签名称最多 \d+ 个字符", (await Html.ParseAsync(longTag)).Text(".errors"));

        var id = await ArticleForms.CreateAsync(factory, client, "中文后台的稿件");
        var (_, edited) = await Html.GetAsync(client, $"/staff/articles/edit/{id}");
        Assert.StartsWith("已保存为草稿（修订版本 1）", edited.Text("#notice"));
        Assert.Equal("草稿", edited.Text("#article-status"));

        var (_, activity) = await Html.GetAsync(client, $"/staff/activity?article={id}");
        var created = activity.QuerySelector("#activity-table tbody tr")!;
        Assert.Equal("创建", created.QuerySelector(".activity-action")!.TextContent.Trim());
        Assert.Equal("修订版本 1", created.QuerySelectorAll("td")[^1].TextContent.Trim());

        var (_, list) = await Html.GetAsync(client, "/staff/articles");
        var updated = list.QuerySelector("#article-list td[data-label=Updated] time")!.TextContent;
        Assert.Matches(ChineseDate(), updated);
    }

    [Fact]
    public async Task The_choice_is_kept_with_the_account_and_survives_signing_out_and_in_again()
    {
        var email = await Staff.CreateAsync(factory, StaffRoles.Moderator);
        var client = factory.CreateBrowserClient();
        await Staff.SignInAsync(client, email);
        Html.AssertStatus(await ChooseAsync(client, "zh-Hans"), HttpStatusCode.Redirect);
        Assert.Equal("zh-Hans", await factory.WithDbAsync(db => db.Users.Where(u => u.Email == email).Select(u => u.InterfaceLanguage).SingleAsync()));

        var (_, dashboard) = await Html.GetAsync(client, "/staff");
        Html.AssertStatus(await Html.SubmitAsync(client, dashboard, "form.sign-out"), HttpStatusCode.Redirect);

        // Before signing in, the sign-in page is English whatever the browser prefers.
        var fresh = factory.CreateBrowserClient();
        fresh.DefaultRequestHeaders.AcceptLanguage.ParseAdd("zh-CN,zh;q=0.9");
        var (signInAnswer, signIn) = await Html.GetAsync(fresh, "/staff/sign-in");
        Html.AssertStatus(signInAnswer, HttpStatusCode.OK);
        Assert.Equal("en", signIn.DocumentElement.GetAttribute("lang"));
        Assert.Equal("Staff sign in", signIn.Text("h1"));

        Html.AssertStatus(await Staff.SignInAsync(fresh, email), HttpStatusCode.Redirect);
        var (_, again) = await Html.GetAsync(fresh, "/staff/inbox");
        Assert.Equal("zh-Hans", again.DocumentElement.GetAttribute("lang"));
        Assert.Equal("读者留言", again.Text("h1"));

        // And back to English.
        Html.AssertStatus(await ChooseAsync(fresh, "en"), HttpStatusCode.Redirect);
        var (_, english) = await Html.GetAsync(fresh, "/staff/inbox");
        Assert.Equal("en", english.DocumentElement.GetAttribute("lang"));
        Assert.Equal("Reader messages", english.Text("h1"));
    }

    [Theory]
    [InlineData("fr")]
    [InlineData("zh")]
    [InlineData("ZH-HANS")]
    [InlineData("")]
    [InlineData("zh-Hans<script>")]
    public async Task A_language_the_staff_pages_do_not_have_is_refused_with_a_clear_error(string language)
    {
        var email = await Staff.CreateAsync(factory, StaffRoles.Reporter);
        var client = factory.CreateBrowserClient();
        await Staff.SignInAsync(client, email);

        var refused = await ChooseAsync(client, language);

        Html.AssertStatus(refused, HttpStatusCode.BadRequest);
        var page = await Html.ParseAsync(refused);
        Assert.Contains("Choose English or 中文 (Chinese) for the staff pages.", page.Text("#interface-language"));
        Assert.Equal("en", await factory.WithDbAsync(db => db.Users.Where(u => u.Email == email).Select(u => u.InterfaceLanguage).SingleAsync()));
    }

    [Fact]
    public async Task A_Chinese_account_is_told_of_a_refused_language_in_Chinese()
    {
        var client = await SignedInChineseAsync(StaffRoles.Reporter);

        var refused = await ChooseAsync(client, "fr");

        Html.AssertStatus(refused, HttpStatusCode.BadRequest);
        var page = await Html.ParseAsync(refused);
        Assert.Equal("zh-Hans", page.DocumentElement.GetAttribute("lang"));
        Assert.Contains("请为后台页面选择 English（英文）或中文。", page.Text("#interface-language"));
    }

    [Fact]
    public async Task An_administrator_chooses_the_language_of_a_new_account_and_changes_that_of_another_at_once()
    {
        var admin = await Staff.SignedInClientAsync(factory, StaffRoles.Admin);
        var email = $"chen-{Guid.NewGuid():N}@newsportal.test";
        var (_, form) = await Html.GetAsync(admin, "/staff/users/new");
        var created = await Html.SubmitAsync(admin, form, "#new-account", new Dictionary<string, string>
        {
            ["Input.Email"] = email,
            ["Input.DisplayName"] = "陈璐",
            ["Input.Role"] = StaffRoles.Editor,
            ["Input.Language"] = "zh-Hans",
            ["Input.Password"] = Staff.Password,
        });
        Html.AssertStatus(created, HttpStatusCode.Redirect);

        var chen = factory.CreateBrowserClient();
        Html.AssertStatus(await Staff.SignInAsync(chen, email), HttpStatusCode.Redirect);
        var (_, first) = await Html.GetAsync(chen, "/staff");
        Assert.Equal("zh-Hans", first.DocumentElement.GetAttribute("lang"));

        // Changed in the list, it shows on the account's next page without signing in again.
        var (_, users) = await Html.GetAsync(admin, "/staff/users");
        var row = users.QuerySelector($"tr[data-email='{email}']")!;
        Assert.Equal("中文", row.QuerySelector("td.language")!.TextContent.Trim());
        var changed = await Html.SubmitAsync(admin, users, $"tr[data-email='{email}'] form.language-form", new Dictionary<string, string> { ["language"] = "en" });
        Html.AssertStatus(changed, HttpStatusCode.Redirect);
        var (_, next) = await Html.GetAsync(chen, "/staff");
        Assert.Equal("en", next.DocumentElement.GetAttribute("lang"));
        Assert.Equal("Staff dashboard", next.Text("h1"));

        // A value the pages do not have is refused, in the list and on the new-account form.
        var (_, usersAgain) = await Html.GetAsync(admin, "/staff/users");
        var refused = await Html.SubmitAsync(admin, usersAgain, $"tr[data-email='{email}'] form.language-form", new Dictionary<string, string> { ["language"] = "de" });
        Html.AssertStatus(refused, HttpStatusCode.BadRequest);
        Assert.Contains("Choose English or 中文 (Chinese) for the staff pages.", (await Html.ParseAsync(refused)).Text("p.errors"));

        var (_, formAgain) = await Html.GetAsync(admin, "/staff/users/new");
        var badNew = await Html.SubmitAsync(admin, formAgain, "#new-account", new Dictionary<string, string>
        {
            ["Input.Email"] = $"x-{Guid.NewGuid():N}@newsportal.test",
            ["Input.DisplayName"] = "X",
            ["Input.Role"] = StaffRoles.Editor,
            ["Input.Language"] = "klingon",
            ["Input.Password"] = Staff.Password,
        });
        Assert.True(badNew.StatusCode is HttpStatusCode.OK or HttpStatusCode.BadRequest, $"got {(int)badNew.StatusCode}");
        Assert.Contains("Choose English or 中文 (Chinese) for the staff pages.", (await Html.ParseAsync(badNew)).Text("#new-account"));
    }

    private async Task<HttpClient> SignedInChineseAsync(string role)
    {
        var client = await Staff.SignedInClientAsync(factory, role);
        Html.AssertStatus(await ChooseAsync(client, "zh-Hans"), HttpStatusCode.Redirect);
        return client;
    }

    /// <summary>Chooses a language on the account page, as a person would (the value is set as posted).</summary>
    private static async Task<HttpResponseMessage> ChooseAsync(HttpClient client, string language)
    {
        var (response, page) = await Html.GetAsync(client, "/staff/account");
        Html.AssertStatus(response, HttpStatusCode.OK);
        return await Html.SubmitAsync(client, page, "#interface-language", new Dictionary<string, string> { ["Language"] = language });
    }

    [GeneratedRegex(@"^\d{4}年\d{1,2}月\d{1,2}日 \d{2}:\d{2}$")]
    private static partial Regex ChineseDate();
}
