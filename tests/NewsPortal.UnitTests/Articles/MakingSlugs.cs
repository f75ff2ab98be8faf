using NewsPortal.Core.Articles;

namespace NewsPortal.UnitTests.Articles;

public sealed class MakingSlugs
{
    [Theory]
    [InlineData("Riverside Walkway Reopens After Two-Year Restoration", "riverside-walkway-reopens-after-two-year-restoration")]
    [InlineData("  Café culture: Ça va?  ", "cafe-culture-ca-va")]
    [InlineData("Chen Min’er's visit", "chen-miners-visit")]
    [InlineData("重庆 Residents Asked to Comment", "chongqing-residents-asked-to-comment")]
    [InlineData("../../etc/passwd", "etc-passwd")]
    [InlineData("<script>alert(1)</script>", "script-alert-1-script")]
    [InlineData("重庆", "chongqing")]
    [InlineData("成渝", "cheng-yu")]
    [InlineData("解放碑", "jie-fang-bei")]
    [InlineData("陈璐", "chen-lu")]
    [InlineData("成渝 Corridor Logistics Hub", "cheng-yu-corridor-logistics-hub")]
    [InlineData("长江索道 2026", "changjiang-suo-dao-2026")]
    [InlineData("Привет, мир", "privet-mir")]
    [InlineData("🙂🙂", "")]
    [InlineData("", "")]
    public void A_headline_becomes_a_lower_case_ascii_slug(string headline, string expected) =>
        Assert.Equal(expected, Slug.From(headline));

    [Fact]
    public void A_long_headline_is_cut_at_a_word_boundary()
    {
        var slug = Slug.From(string.Join(' ', Enumerable.Repeat("chongqing", 40)));

        Assert.True(slug.Length <= ArticleLimits.Slug);
        Assert.EndsWith("chongqing", slug);
    }

    [Theory]
    [InlineData("a-valid-slug", true)]
    [InlineData("Not-Valid", false)]
    [InlineData("double--hyphen", false)]
    [InlineData("../etc", false)]
    [InlineData("", false)]
    public void Only_canonical_slugs_are_valid(string slug, bool valid) =>
        Assert.Equal(valid, Slug.IsValid(slug));
}
