using NewsPortal.Core.Search;

namespace NewsPortal.UnitTests.Search;

public sealed class PreparingTextForSearch
{
    [Fact]
    public void A_chinese_run_becomes_overlapping_bigrams_and_its_last_character()
    {
        Assert.Equal(" 重庆 庆的 的变 变化 化 ", SearchText.ForIndex("重庆的变化"));
    }

    [Fact]
    public void Two_character_words_inside_a_sentence_are_tokens_of_their_own()
    {
        var tokens = SearchText.ForIndex("重庆的变化很大，成渝两地的合作越来越紧密。").Split(' ', StringSplitOptions.RemoveEmptyEntries);

        Assert.Contains("重庆", tokens);
        Assert.Contains("成渝", tokens);
        Assert.Contains("合作", tokens);
        Assert.Contains("紧密", tokens);
        Assert.DoesNotContain("大，成", tokens);
    }

    [Fact]
    public void A_single_character_run_stays_as_it_is()
    {
        Assert.Equal("Visit  渝  today", SearchText.ForIndex("Visit 渝 today"));
    }

    [Fact]
    public void English_text_is_left_for_the_index_tokenizer()
    {
        const string text = "Riverside Walkway Reopens After Two-Year Restoration (4 km)";

        Assert.Equal(text, SearchText.ForIndex(text));
    }

    [Fact]
    public void Mixed_text_splits_only_the_chinese_runs()
    {
        Assert.Equal(" 成渝 渝  Corridor hub in  重庆 庆 ", SearchText.ForIndex("成渝 Corridor hub in 重庆"));
    }

    [Fact]
    public void Characters_outside_the_basic_plane_are_kept_whole()
    {
        // U+20BB7 is a Han character written as a surrogate pair.
        var result = SearchText.ForIndex("𠮷野家");

        Assert.Equal(" 𠮷野 野家 家 ", result);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    public void Nothing_gives_nothing(string? text) => Assert.Equal("", SearchText.ForIndex(text));

    [Fact]
    public void Bigrams_of_a_run()
    {
        Assert.Equal(["成渝", "渝两", "两地"], SearchText.Bigrams("成渝两地"));
        Assert.Equal(["渝"], SearchText.Bigrams("渝"));
    }
}
