using System.Text.RegularExpressions;
using NewsPortal.Core.Search;

namespace NewsPortal.UnitTests.Search;

public sealed partial class SanitisingSearchQueries
{
    // A match expression built only of quoted strings (an optional * after each), separated by spaces.
    [GeneratedRegex("""^"([^"]|"")+"\*?( "([^"]|"")+"\*?)*$""")]
    private static partial Regex OnlyQuotedTerms();

    [Theory]
    [InlineData("\"river")]
    [InlineData("river\" OR \"walkway")]
    [InlineData("NEAR(river walkway, 2)")]
    [InlineData("river AND walkway")]
    [InlineData("river OR walkway NOT bridge")]
    [InlineData("riv*")]
    [InlineData("^river")]
    [InlineData("headline:river")]
    [InlineData("{Headline Body}:river")]
    [InlineData("- river + walkway")]
    [InlineData("((river)")]
    [InlineData("river\0walkway")]
    [InlineData("'; DROP TABLE Articles; --")]
    [InlineData("重庆\"成渝*")]
    public void Any_input_becomes_quoted_terms_only(string raw)
    {
        var query = SearchQuery.Parse(raw);

        Assert.True(query.HasTerms);
        Assert.Matches(OnlyQuotedTerms(), query.ToFts5Match());
    }

    [Fact]
    public void Operators_are_searched_for_as_plain_words()
    {
        var query = SearchQuery.Parse("river OR walkway NEAR bridge");

        Assert.Equal("\"river\" \"or\" \"walkway\" \"near\" \"bridge\"", query.ToFts5Match());
    }

    [Fact]
    public void Words_are_lower_cased_and_repeated_words_dropped()
    {
        var query = SearchQuery.Parse("River river RIVER walkway");

        Assert.Equal(["river", "walkway"], query.Terms.Select(t => t.Text));
    }

    [Fact]
    public void A_chinese_run_becomes_a_phrase_of_its_bigrams()
    {
        var query = SearchQuery.Parse("成渝两地 合作");

        Assert.Equal("\"成渝 渝两 两地\" \"合作\"", query.ToFts5Match());
    }

    [Fact]
    public void A_single_chinese_character_matches_as_a_prefix()
    {
        Assert.Equal("\"渝\"*", SearchQuery.Parse("渝").ToFts5Match());
    }

    [Fact]
    public void Chinese_and_english_in_one_query_are_separate_terms()
    {
        var query = SearchQuery.Parse("重庆residents");

        Assert.Equal([("重庆", true), ("residents", false)], query.Terms.Select(t => (t.Text, t.IsCjk)));
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData("\"\" () * ^ : -")]
    [InlineData("\0\0\0")]
    [InlineData("\"")]
    public void Nothing_to_search_for_is_not_an_error(string? raw)
    {
        var query = SearchQuery.Parse(raw);

        Assert.False(query.HasTerms);
        Assert.False(query.IsTooLong);
    }

    [Fact]
    public void A_query_over_the_limit_is_too_long()
    {
        Assert.True(SearchQuery.Parse(new string('a', SearchQuery.MaxLength + 1)).IsTooLong);
        Assert.True(SearchQuery.Parse(string.Join(' ', Enumerable.Repeat("river", 2000))).IsTooLong);
        Assert.False(SearchQuery.Parse(new string('a', SearchQuery.MaxLength)).IsTooLong);
    }

    [Fact]
    public void Control_characters_are_dropped_and_spaces_trimmed()
    {
        var query = SearchQuery.Parse("  river\0\u0007  ");

        Assert.Equal("river", query.Text);
    }

    [Fact]
    public void A_lone_surrogate_is_dropped()
    {
        var query = SearchQuery.Parse("river\uD800walkway");

        Assert.Equal(["river", "walkway"], query.Terms.Select(t => t.Text));
    }

    [Fact]
    public void At_most_a_dozen_terms_are_searched()
    {
        var query = SearchQuery.Parse(string.Join(' ', Enumerable.Range(0, 30).Select(i => $"w{i}")));

        Assert.Equal(SearchQuery.MaxTerms, query.Terms.Count);
    }
}
