using NewsPortal.Core.Messages;

namespace NewsPortal.UnitTests.Messages;

public sealed class MakingMessageReferences
{
    [Fact]
    public void References_are_readable_and_do_not_repeat()
    {
        var references = Enumerable.Range(0, 2000).Select(_ => MessageReference.New()).ToList();

        Assert.All(references, r => Assert.Matches("^NP-[0-9A-HJKMNP-TV-Z]{4}-[0-9A-HJKMNP-TV-Z]{4}$", r));
        Assert.All(references, r => Assert.True(MessageReference.LooksValid(r)));
        Assert.Equal(references.Count, references.Distinct().Count());
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("NP-AAAA-AAA")]
    [InlineData("NP-AAAA-AAAI")]
    [InlineData("XX-AAAA-AAAA")]
    [InlineData("NP-aaaa-aaaa")]
    [InlineData("NP-AAAAXAAAA")]
    public void Anything_else_is_not_a_reference(string? value)
    {
        Assert.False(MessageReference.LooksValid(value));
    }
}
