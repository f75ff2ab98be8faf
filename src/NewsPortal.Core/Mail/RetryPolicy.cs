namespace NewsPortal.Core.Mail;

/// <summary>
/// When the outbox tries again after a failure: <see cref="First"/> after the first, doubling after each further
/// one up to <see cref="Longest"/>, and no more after <see cref="MaxAttempts"/> tries.
/// </summary>
public sealed record RetryPolicy(TimeSpan First, TimeSpan Longest, int MaxAttempts)
{
    /// <summary>How long to wait after <paramref name="attempts"/> failed tries.</summary>
    public TimeSpan Delay(int attempts)
    {
        var factor = Math.Pow(2, Math.Clamp(attempts - 1, 0, 30));
        var seconds = Math.Min(First.TotalSeconds * factor, Longest.TotalSeconds);
        return TimeSpan.FromSeconds(Math.Max(seconds, 0));
    }

    public bool GivesUpAfter(int attempts) => attempts >= MaxAttempts;
}
