using NewsPortal.Core.Search;

namespace NewsPortal.UnitTests.Search;

public sealed class BuildingSnippets
{
    [Fact]
    public void Words_with_the_same_stem_are_marked()
    {
        var html = SearchSnippet.Build("The restoration took two years; the restored walkway opened today.", SearchQuery.Parse("restoring"));

        Assert.Equal("The <mark>restoration</mark> took two years; the <mark>restored</mark> walkway opened today.", html);
    }

    [Fact]
    public void Text_is_html_escaped_and_only_mark_is_markup()
    {
        var html = SearchSnippet.Build("<script>alert('river')</script> & river", SearchQuery.Parse("river"));

        Assert.Equal("&lt;script&gt;alert(&#39;<mark>river</mark>&#39;)&lt;/script&gt; &amp; <mark>river</mark>", html);
    }

    [Fact]
    public void Chinese_terms_are_marked_where_they_occur()
    {
        var html = SearchSnippet.Build("居民说：“重庆的变化很大，成渝两地的合作越来越紧密。”", SearchQuery.Parse("成渝"));

        Assert.Contains("<mark>成渝</mark>两地", html);
    }

    [Fact]
    public void A_long_text_is_cut_around_the_first_match()
    {
        var text = string.Join(' ', Enumerable.Repeat("filler", 200)) + " the lantern festival " + string.Join(' ', Enumerable.Repeat("tail", 200));

        var html = SearchSnippet.Build(text, SearchQuery.Parse("lanterns"));

        Assert.StartsWith("…", html);
        Assert.EndsWith("…", html);
        Assert.Contains("<mark>lantern</mark> festival", html);
        Assert.True(html.Length < SearchSnippet.Length + 40, $"Snippet is {html.Length} characters");
    }

    [Fact]
    public void Without_a_match_the_text_starts_the_snippet()
    {
        var html = SearchSnippet.Build("Line one.\n\nLine two.", SearchQuery.Parse("absent"));

        Assert.Equal("Line one. Line two.", html);
    }

    [Theory]
    [InlineData("restoration", "restor")]
    [InlineData("restoring", "restor")]
    [InlineData("restored", "restor")]
    [InlineData("restore", "restor")]
    [InlineData("cities", "cit")]
    [InlineData("city", "cit")]
    [InlineData("bus", "bus")]
    public void Loose_english_stems(string word, string stem) => Assert.Equal(stem, SearchSnippet.Stem(word));
}
