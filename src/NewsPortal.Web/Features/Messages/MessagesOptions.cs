using System.ComponentModel.DataAnnotations;

namespace NewsPortal.Web.Features.Messages;

/// <summary>How long reader messages are kept. Bound from the "Messages" section.</summary>
public sealed class MessagesOptions
{
    public const string Section = "Messages";

    /// <summary>Messages received longer ago than this are deleted, with their notes.</summary>
    [Range(1, 3650)]
    public int RetentionDays { get; set; } = 90;

    /// <summary>How often the deletion runs.</summary>
    [Range(1, 1440)]
    public int RetentionSweepMinutes { get; set; } = 60;
}

/// <summary>
/// How many messages one client (one IP address) may send: at most <see cref="PermitLimit"/> posts of the
/// form in each window of <see cref="WindowSeconds"/>. Bound from "Messages:RateLimit".
/// </summary>
public sealed class MessageRateLimitOptions
{
    public const string Section = "Messages:RateLimit";

    [Range(1, 1_000_000)]
    public int PermitLimit { get; set; } = 5;

    [Range(1, 86_400)]
    public int WindowSeconds { get; set; } = 600;
}
