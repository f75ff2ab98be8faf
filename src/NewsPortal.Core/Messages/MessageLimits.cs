namespace NewsPortal.Core.Messages;

/// <summary>Field lengths shared by the database schema and the form's validation.</summary>
public static class MessageLimits
{
    public const int Name = 100;
    public const int Email = 254;
    public const int Subject = 200;
    public const int Body = 5000;
}
