using NewsPortal.Core.Consent;

namespace NewsPortal.UnitTests.Consent;

public sealed class ReadingConsentCookies
{
    private static readonly ConsentVersions Current = new(3, 2);

    [Fact]
    public void A_written_cookie_reads_back_the_same()
    {
        var cookie = new ConsentCookie(Guid.NewGuid(), ConsentChoice.Accepted, Current);

        var read = ConsentCookie.Parse(cookie.Format());

        Assert.Equal(cookie, read);
        Assert.Matches("^[0-9a-f]{32}\\.a\\.3\\.2$", cookie.Format());
    }

    [Theory]
    [InlineData(ConsentChoice.Accepted, 3, 2, ConsentState.Accepted)]
    [InlineData(ConsentChoice.Rejected, 3, 2, ConsentState.Rejected)]
    [InlineData(ConsentChoice.Accepted, 2, 2, ConsentState.Outdated)]
    [InlineData(ConsentChoice.Rejected, 3, 1, ConsentState.Outdated)]
    [InlineData(ConsentChoice.Accepted, 4, 2, ConsentState.Accepted)]
    public void The_state_depends_on_the_choice_and_the_versions_it_was_given_against(ConsentChoice choice, int privacy, int terms, ConsentState expected)
    {
        var cookie = new ConsentCookie(Guid.NewGuid(), choice, new ConsentVersions(privacy, terms));

        Assert.Equal(expected, cookie.StateAgainst(Current));
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("yes")]
    [InlineData("00000000000000000000000000000000.a.1.1")]
    [InlineData("816f55ee4ee3401db65cb42e7b86b5de.x.1.1")]
    [InlineData("816f55ee4ee3401db65cb42e7b86b5de.a.-1.1")]
    [InlineData("816f55ee4ee3401db65cb42e7b86b5de.a.1")]
    [InlineData("816f55ee4ee3401db65cb42e7b86b5de.a.1.1.1")]
    [InlineData("816f55ee4ee3401db65cb42e7b86b5de.a.99999999999.1")]
    [InlineData("not-a-guid.a.1.1")]
    public void A_malformed_cookie_counts_as_no_choice(string? value)
    {
        Assert.Null(ConsentCookie.Parse(value));
    }
}
