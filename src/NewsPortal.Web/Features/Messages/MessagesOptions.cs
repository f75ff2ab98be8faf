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
