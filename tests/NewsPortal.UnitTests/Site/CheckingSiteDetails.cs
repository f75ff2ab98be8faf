using NewsPortal.Core.FrontPage;
using NewsPortal.Core.Site;

namespace NewsPortal.UnitTests.Site;

public sealed class CheckingSiteDetails
{
    private static SiteDetailsInput Valid() => new()
    {
        Name = "Chongqing Evening",
        Slogans = "Mountain city news\r\n\r\nEvery evening",
        ReportHotline = "+86-23-1234-5678",
        IcpLicence = "渝ICP备12345678号-2",
        NewsServicePermit = "许可证号:50120170001",
        ContactEmail = "desk@evening.example",
        SocialAccounts = "Weibo https://weibo.com/cqevening\nWeChat official account https://mp.weixin.qq.com/x",
        Language = "zh-Hans",
        TimeZone = "Asia/Shanghai",
    };

    [Fact]
    public void Valid_details_are_kept_with_blank_lines_dropped_and_accounts_named_in_several_words()
    {
        var errors = new Dictionary<string, string>();

        var details = SiteDetailsRules.Check(Valid(), errors);

        Assert.Empty(errors);
        Assert.Equal("Mountain city news\nEvery evening", details!.Slogans);
        Assert.Equal(
            [new SocialAccount("Weibo", "https://weibo.com/cqevening"), new SocialAccount("WeChat official account", "https://mp.weixin.qq.com/x")],
            SiteDetailsRules.ParseSocial(details.SocialAccounts, out _));
    }

    [Theory]
    [InlineData("Weibo javascript:alert(1)")]
    [InlineData("https://weibo.com/x")]
    [InlineData("Weibo ftp://weibo.com/x")]
    public void A_social_account_that_is_not_a_name_and_a_web_address_is_refused(string line)
    {
        var input = Valid();
        input.SocialAccounts = line;
        var errors = new Dictionary<string, string>();

        Assert.Null(SiteDetailsRules.Check(input, errors));
        Assert.StartsWith("Write each account on its own line", errors[nameof(SiteDetailsInput.SocialAccounts)]);
    }

    [Fact]
    public void Six_slogans_are_one_too_many()
    {
        var input = Valid();
        input.Slogans = string.Join('\n', Enumerable.Range(1, 6).Select(i => $"Slogan {i}"));
        var errors = new Dictionary<string, string>();

        Assert.Null(SiteDetailsRules.Check(input, errors));
        Assert.Equal("Give at most 5 slogans, one a line.", errors[nameof(SiteDetailsInput.Slogans)]);
    }

    [Fact]
    public void Chinese_slogans_are_kept_like_the_English_ones_and_may_be_left_empty()
    {
        var input = Valid();
        input.ChineseSlogans = "山城新闻\r\n\r\n 每晚更新 ";
        var errors = new Dictionary<string, string>();

        Assert.Equal("山城新闻\n每晚更新", SiteDetailsRules.Check(input, errors)!.ChineseSlogans);
        input.ChineseSlogans = null;
        Assert.Equal("", SiteDetailsRules.Check(input, errors)!.ChineseSlogans);
        Assert.Empty(errors);
    }

    [Theory]
    [InlineData("一\n二\n三\n四\n五\n六", "Give at most 5 Chinese slogans, one a line.")]
    [InlineData("山城\uFFFD新闻", "One of the Chinese slogans contains characters that could not be read")]
    public void Chinese_slogans_keep_the_same_rules(string slogans, string message)
    {
        var input = Valid();
        input.ChineseSlogans = slogans;
        var errors = new Dictionary<string, string>();

        Assert.Null(SiteDetailsRules.Check(input, errors));
        Assert.StartsWith(message, errors[nameof(SiteDetailsInput.ChineseSlogans)]);
        Assert.Single(errors);
    }
}

public sealed class CheckingTheFrontPage
{
    private static readonly DateTime Now = new(2026, 12, 2, 4, 0, 0, DateTimeKind.Utc);

    [Fact]
    public void Featured_stories_keep_their_order_without_blanks_repeats_or_the_lead_and_stop_at_six()
    {
        var featured = FrontPageRules.Featured(7, [3, null, 7, 3, 9, 1, 2, 4, 5, 6]);

        Assert.Equal([3, 9, 1, 2, 4, 5], featured);
    }

    [Theory]
    [InlineData("/article/ferry")]
    [InlineData("https://example.org/live")]
    [InlineData("")]
    public void A_strip_may_link_to_a_path_here_or_a_web_address_or_nowhere(string link)
    {
        var errors = new Dictionary<string, string>();

        var strip = FrontPageRules.CheckStrip("  Flood warning  ", link, Now.AddHours(1), Now, errors);

        Assert.Empty(errors);
        Assert.Equal("Flood warning", strip!.Text);
        Assert.Equal(link.Length == 0 ? null : link, strip.Link);
    }

    [Theory]
    [InlineData("//evil.example/x")]
    [InlineData("javascript:alert(1)")]
    [InlineData("/\\evil.example")]
    public void A_strip_link_elsewhere_in_disguise_is_refused(string link)
    {
        var errors = new Dictionary<string, string>();

        Assert.Null(FrontPageRules.CheckStrip("Flood warning", link, Now.AddHours(1), Now, errors));
        Assert.Contains("Link", errors.Keys);
    }

    [Fact]
    public void A_strip_runs_for_at_most_thirty_days()
    {
        var errors = new Dictionary<string, string>();

        Assert.Null(FrontPageRules.CheckStrip("Flood warning", "", Now.AddDays(31), Now, errors));
        Assert.Equal("A strip runs for at most 30 days; choose an earlier end time.", errors["ExpiresAt"]);
    }
}
