using NewsPortal.Core.Mail;

namespace NewsPortal.UnitTests.Mail;

public sealed class RetryingWithBackoff
{
    private static readonly RetryPolicy Policy = new(TimeSpan.FromSeconds(30), TimeSpan.FromMinutes(10), MaxAttempts: 6);

    [Theory]
    [InlineData(1, 30)]
    [InlineData(2, 60)]
    [InlineData(3, 120)]
    [InlineData(5, 480)]
    [InlineData(6, 600)]
    [InlineData(40, 600)]
    public void The_wait_doubles_after_each_failure_up_to_the_longest(int attempts, int seconds) =>
        Assert.Equal(TimeSpan.FromSeconds(seconds), Policy.Delay(attempts));

    [Fact]
    public void It_gives_up_after_the_last_try()
    {
        Assert.False(Policy.GivesUpAfter(5));
        Assert.True(Policy.GivesUpAfter(6));
    }
}
