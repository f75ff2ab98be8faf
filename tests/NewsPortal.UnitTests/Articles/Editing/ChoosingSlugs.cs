using NewsPortal.Core.Articles.Editing;

namespace NewsPortal.UnitTests.Articles.Editing;

public sealed class ChoosingSlugs
{
    [Fact]
    public void An_empty_slug_is_made_from_the_headline()
    {
        Assert.Equal(("metro-line-27-opens-to-the-airport", true), SlugRules.Choose("  ", "Metro Line 27 opens to the airport"));
    }

    [Fact]
    public void A_typed_slug_is_put_in_canonical_form()
    {
        Assert.Equal(("my-own-address", false), SlugRules.Choose("My Own  Address!", "Headline"));
    }

    [Fact]
    public void A_chinese_headline_gets_a_pinyin_slug()
    {
        Assert.Equal("chongqing-huo-guo-jie", SlugRules.Choose(null, "重庆火锅节").Slug);
    }

    [Fact]
    public void A_headline_without_letters_or_digits_in_any_script_gives_no_slug()
    {
        Assert.Equal("", SlugRules.Choose(null, "！？🙂").Slug);
    }

    [Fact]
    public void A_slug_used_by_another_article_is_refused()
    {
        Assert.Contains("Another article already uses", SlugRules.Conflict(articleId: 5, currentOwner: 7, formerOwner: null));
        Assert.Contains("Another article already uses", SlugRules.Conflict(articleId: null, currentOwner: 7, formerOwner: null));
    }

    [Fact]
    public void A_slug_another_article_had_before_is_refused_so_old_links_keep_working()
    {
        Assert.Contains("used this slug before", SlugRules.Conflict(articleId: 5, currentOwner: null, formerOwner: 7));
    }

    [Fact]
    public void An_article_may_keep_its_own_slug_or_take_back_one_of_its_old_slugs()
    {
        Assert.Null(SlugRules.Conflict(articleId: 5, currentOwner: 5, formerOwner: null));
        Assert.Null(SlugRules.Conflict(articleId: 5, currentOwner: null, formerOwner: 5));
        Assert.Null(SlugRules.Conflict(articleId: null, currentOwner: null, formerOwner: null));
    }

    [Fact]
    public void A_generated_slug_that_is_taken_gets_the_first_free_number()
    {
        var taken = new HashSet<string> { "city-news", "city-news-2" };

        Assert.Equal("city-news-3", SlugRules.MakeUnique("city-news", taken.Contains));
        Assert.Equal("fresh", SlugRules.MakeUnique("fresh", taken.Contains));
    }

    [Fact]
    public void A_numbered_slug_stays_within_the_length_limit()
    {
        var longSlug = new string('a', NewsPortal.Core.Articles.ArticleLimits.Slug);

        var unique = SlugRules.MakeUnique(longSlug, s => s == longSlug);

        Assert.True(unique.Length <= NewsPortal.Core.Articles.ArticleLimits.Slug);
        Assert.EndsWith("-2", unique);
    }
}
