using NewsPortal.Core.Consent;

namespace NewsPortal.UnitTests.Consent;

public sealed class CheckingReturnAddresses
{
    [Theory]
    [InlineData("/")]
    [InlineData("/article/bus-route-opens")]
    [InlineData("/section/city?page=2")]
    [InlineData("/search?q=%E9%87%8D%E5%BA%86")]
    public void Paths_on_this_site_are_local(string url)
    {
        Assert.True(LocalUrl.IsLocal(url));
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("https://evil.example/")]
    [InlineData("//evil.example/path")]
    [InlineData("/\\evil.example")]
    [InlineData("/path\\..\\x")]
    [InlineData("javascript:alert(1)")]
    [InlineData("evil.example")]
    [InlineData("/a\r\nLocation: https://evil.example")]
    [InlineData("/ /evil")]
    public void Other_hosts_and_tricks_are_not(string? url)
    {
        Assert.False(LocalUrl.IsLocal(url));
    }

    [Fact]
    public void An_overlong_address_is_not_accepted()
    {
        Assert.False(LocalUrl.IsLocal("/" + new string('a', LocalUrl.MaxLength)));
    }

    [Theory]
    [InlineData("/section/city?page=2", "/section/city?page=2")]
    [InlineData("/search?q=%E9%87%8D", "/search?q=%E9%87%8D")]
    [InlineData("/article/重庆", "/article/%E9%87%8D%E5%BA%86")]
    [InlineData("/search?q=<b>\"x\"</b>", "/search?q=%3Cb%3E%22x%22%3C/b%3E")]
    [InlineData("/tag/🌶", "/tag/%F0%9F%8C%B6")]
    public void A_local_address_is_escaped_to_plain_ascii_for_the_location_header(string url, string header)
    {
        Assert.Equal(header, LocalUrl.ForLocationHeader(url));
    }
}
