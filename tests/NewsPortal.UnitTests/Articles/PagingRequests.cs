using NewsPortal.Core.Articles;

namespace NewsPortal.UnitTests.Articles;

public sealed class PagingRequests
{
    [Theory]
    [InlineData(null, 1)]
    [InlineData("", 1)]
    [InlineData("1", 1)]
    [InlineData("5000", 5000)]
    public void A_page_number_a_reader_can_reach_is_accepted(string? raw, int expected) =>
        Assert.Equal(expected, Paging.Parse(raw));

    [Theory]
    [InlineData("0")]
    [InlineData("-1")]
    [InlineData("99999999999")]
    [InlineData("1e3")]
    [InlineData(" 2")]
    [InlineData("abc")]
    [InlineData("1\0")]
    [InlineData("\u0661")]
    [InlineData("0000001")]
    [InlineData("+1")]
    public void Anything_else_is_refused(string raw) => Assert.Null(Paging.Parse(raw));

    [Fact]
    public void A_page_knows_its_neighbours()
    {
        var page = new PagedList<int>([1, 2], Page: 2, PageSize: 20, TotalCount: 45);

        Assert.Equal(3, page.TotalPages);
        Assert.True(page.HasPrevious);
        Assert.True(page.HasNext);
    }
}
