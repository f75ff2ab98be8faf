using System.Net;
using Microsoft.EntityFrameworkCore;
using NewsPortal.Core.Messages;
using NewsPortal.Core.Text;
using NewsPortal.IntegrationTests.Infrastructure;
using NewsPortal.IntegrationTests.Messages;
using NewsPortal.Web.Features.Messages;
using NewsPortal.Web.Setup;

namespace NewsPortal.IntegrationTests.Languages;

/// <summary>
/// What readers are told with a number in it (a length, a limit, minutes to wait) is in the page's language: under /zh
/// in Chinese, with the number written as the Chinese culture writes it; at the present addresses in English.
/// </summary>
public sealed class ShowingNumbersInChinese(MessagesFactory factory) : IClassFixture<MessagesFactory>
{
    [Fact]
    public async Task Over_long_fields_are_named_with_their_length_and_limit_in_Chinese_under_zh()
    {
        var reader = factory.CreateBrowserClient();
        var before = await factory.WithDbAsync(db => db.Messages.CountAsync());
        var (_, form) = await Html.GetAsync(reader, "/zh/message");
        Assert.Equal("最多5,000个字符。", form.Text("#message-hint"));

        var refused = await Html.SubmitAsync(reader, form, "form.message-form", new Dictionary<string, string>
        {
            ["name"] = new string('名', MessageLimits.Name + 1),
            ["email"] = "chen.lu@example.cn",
            ["subject"] = "公交",
            ["message"] = new string('字', MessageLimits.Body + 1),
        });

        Html.AssertStatus(refused, HttpStatusCode.UnprocessableEntity);
        var page = await Html.ParseAsync(refused);
        Assert.Equal(
            ["您的姓名长101个字符，上限为100个字符。请删减。", "您的留言长5,001个字符，上限为5,000个字符。请删减。"],
            page.QuerySelectorAll(".error-summary li a").Select(a => a.TextContent.Trim()));
        Assert.EndsWith("您的留言长5,001个字符，上限为5,000个字符。请删减。", page.Text("#message-error"));
        Assert.Equal(before, await factory.WithDbAsync(db => db.Messages.CountAsync()));
    }

    [Fact]
    public async Task The_same_messages_stay_English_at_the_present_addresses()
    {
        var values = MessageForm.Valid();
        values["message"] = new string('x', MessageLimits.Body + 1);

        var refused = await MessageForm.SendAsync(factory.CreateBrowserClient(), values);

        Html.AssertStatus(refused, HttpStatusCode.UnprocessableEntity);
        Assert.Equal("Your message is 5,001 characters long; the limit is 5,000. Please shorten it.",
            (await Html.ParseAsync(refused)).Text(".error-summary li a"));
    }

    [Fact]
    public async Task Text_that_could_not_be_read_is_named_in_Chinese_under_zh()
    {
        var reader = factory.CreateBrowserClient();
        var (_, form) = await Html.GetAsync(reader, "/zh/message");

        var refused = await Html.SubmitAsync(reader, form, "form.message-form", new Dictionary<string, string>
        {
            ["name"] = "陈璐",
            ["email"] = "chen.lu@example.cn",
            ["subject"] = "公交\uFFFD",
            ["message"] = "请问新公交线路什么时候开通？",
        });

        Html.AssertStatus(refused, HttpStatusCode.UnprocessableEntity);
        Assert.StartsWith("主题含有无法读取的字符", (await Html.ParseAsync(refused)).Text(".error-summary li a"));
    }

    [Fact]
    public async Task A_form_too_large_to_read_is_refused_in_Chinese_with_the_limit_under_zh()
    {
        var reader = factory.CreateBrowserClient();
        var (_, form) = await Html.GetAsync(reader, "/zh/message");

        var refused = await Html.SubmitAsync(reader, form, "form.message-form", new Dictionary<string, string> { ["message"] = new string('x', 200_000) });

        Html.AssertStatus(refused, HttpStatusCode.BadRequest);
        var page = await Html.ParseAsync(refused);
        Assert.Equal("zh-Hans", page.DocumentElement.GetAttribute("lang"));
        Assert.Contains("请删减到5,000个字符以内", page.Text("main"));
    }

    [Fact]
    public async Task Past_the_limit_of_accepted_messages_the_wait_is_told_in_Chinese_minutes_under_zh()
    {
        using var portal = new LowMessageLimitFactory();
        var reader = portal.CreateBrowserClient();
        async Task<HttpResponseMessage> SendAsync(string subject)
        {
            var (_, form) = await Html.GetAsync(reader, "/zh/message");
            return await Html.SubmitAsync(reader, form, "form.message-form", new Dictionary<string, string>
            {
                ["name"] = "陈璐", ["email"] = "chen.lu@example.cn", ["subject"] = subject, ["message"] = "请问新公交线路什么时候开通？",
            });
        }

        Html.AssertStatus(await SendAsync("第一条"), HttpStatusCode.SeeOther);
        Html.AssertStatus(await SendAsync("第二条"), HttpStatusCode.SeeOther);
        var refused = await SendAsync("第三条");

        Html.AssertStatus(refused, HttpStatusCode.TooManyRequests);
        var problem = (await Html.ParseAsync(refused)).Text(".error-summary p");
        Assert.Matches(@"^短时间内从您所在网络发送的留言过多。您的留言保留在下方：请等待\d+分钟后再发送。$", problem);
    }

    [Fact]
    public void Every_sentence_with_a_number_is_in_both_languages()
    {
        string[] formats =
        [
            MessageRules.TooLong, PlainText.UnreadableFormat, MessageFormMiddleware.Unreadable,
            MessageFormMiddleware.TooManyOneMinute, MessageFormMiddleware.TooManyMinutes,
            ClientRateLimits.TooManyMessagesOneMinute, ClientRateLimits.TooManyMessagesMinutes,
        ];

        Assert.All(formats, format => Assert.True(TranslatingTheInterface.IsTranslated(format), $"\"{format}\" is not in both resource files"));
    }
}
