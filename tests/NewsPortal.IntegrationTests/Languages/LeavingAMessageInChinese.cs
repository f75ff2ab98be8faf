using System.Net;
using Microsoft.EntityFrameworkCore;
using NewsPortal.IntegrationTests.Infrastructure;
using NewsPortal.IntegrationTests.Messages;

namespace NewsPortal.IntegrationTests.Languages;

public sealed class LeavingAMessageInChinese(MessagesFactory factory) : IClassFixture<MessagesFactory>
{
    [Fact]
    public async Task Errors_come_back_in_Chinese_and_a_sent_message_shows_its_reference_under_zh()
    {
        var reader = factory.CreateBrowserClient();
        var (form, formPage) = await Html.GetAsync(reader, "/zh/message");
        Html.AssertStatus(form, HttpStatusCode.OK);
        Assert.Equal("留言", formPage.Text("main h1"));
        Assert.Equal("/zh/message", formPage.QuerySelector("form.message-form")!.GetAttribute("action"));

        var refused = await Html.SubmitAsync(reader, formPage, "form.message-form", new Dictionary<string, string>
        {
            ["name"] = "",
            ["email"] = "chen.lu at example.cn",
            ["subject"] = "公交",
            ["message"] = "请问新公交线路什么时候开通？",
        });

        Html.AssertStatus(refused, HttpStatusCode.UnprocessableEntity);
        var again = await Html.ParseAsync(refused);
        Assert.Equal("发送前请更正以下问题", again.Text(".error-summary h2"));
        Assert.Equal(["请输入您的姓名。", "请输入格式为 name@example.com 的电子邮件地址。"], again.QuerySelectorAll(".error-summary li").Select(li => li.TextContent.Trim()));
        Assert.Equal("请问新公交线路什么时候开通？", again.QuerySelector("#message")!.TextContent);

        var sent = await Html.SubmitAsync(reader, again, "form.message-form", new Dictionary<string, string>
        {
            ["name"] = "陈璐",
            ["email"] = "chen.lu@example.cn",
        });

        Html.AssertStatus(sent, HttpStatusCode.SeeOther);
        var location = sent.Headers.Location!.OriginalString;
        Assert.Matches("^/zh/message/thanks\\?ref=NP-[0-9A-Z]{4}-[0-9A-Z]{4}$", location);
        var (thanks, page) = await Html.GetAsync(reader, location);
        Html.AssertStatus(thanks, HttpStatusCode.OK);
        Assert.Equal("谢谢，您的留言已收到", page.Text("main h1"));
        var reference = page.Text("#message-reference");
        Assert.Equal(location.Split("ref=")[1], reference);
        Assert.Equal("陈璐", await factory.WithDbAsync(db => db.Messages.Where(m => m.Reference == reference).Select(m => m.Name).SingleAsync()));
    }

    [Fact]
    public async Task A_cookie_choice_made_on_a_Chinese_page_returns_to_it()
    {
        var reader = Consent.Readers.NewReader(factory);

        var chosen = await Consent.Readers.ChooseAsync(reader, "/zh/privacy", "accept");

        Assert.Equal("/zh/privacy", chosen.Headers.Location!.OriginalString);
        var (_, settings) = await Html.GetAsync(reader, "/zh/cookie-settings");
        Assert.StartsWith("您的选择", settings.Text("#consent-status strong"));
    }
}
