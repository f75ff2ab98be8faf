using System.ComponentModel.DataAnnotations;

namespace NewsPortal.Web.Features.Messages;

/// <summary>How long reader messages are kept, and the form's check on automated senders. Bound from the "Messages" section (the per-client limit is in <see cref="AcceptedMessageLimit"/>).</summary>
public sealed class MessagesOptions
{
    public const string Section = "Messages";

    /// <summary>Messages received longer ago than this are deleted, with their notes.</summary>
    [Range(1, 3650)]
    public int RetentionDays { get; set; } = 90;

    /// <summary>How often the deletion runs.</summary>
    [Range(1, 1440)]
    public int RetentionSweepMinutes { get; set; } = 60;

    /// <summary>
    /// A message sent sooner than this after the form was shown is filed as spam (people take longer; simple bots
    /// do not). At most 3 seconds, so no reader is held up; 0 turns the check off.
    /// </summary>
    [Range(0, 3)]
    public double MinimumFillSeconds { get; set; } = 3;
}
