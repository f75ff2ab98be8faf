using NewsPortal.IntegrationTests.Infrastructure;

namespace NewsPortal.IntegrationTests.Messages;

/// <summary>
/// Serilog's request logging and the portal's loggers write through Serilog's process-wide logger, which the
/// most recently started host sets; this class runs on its own so that its host is the one logging.
/// </summary>
[CollectionDefinition(nameof(KeepingMessagesOutOfTheLog), DisableParallelization = true)]
public sealed class SerialLoggingCollection;

[Collection(nameof(KeepingMessagesOutOfTheLog))]
public sealed class KeepingMessagesOutOfTheLog(LoggedMessagesFactory factory) : IClassFixture<LoggedMessagesFactory>
{
    [Fact]
    public async Task Neither_the_email_nor_the_message_reaches_the_log()
    {
        var reader = factory.CreateBrowserClient();
        var values = MessageForm.Valid("Private matter");
        values["email"] = "secret.reader@example.org";
        values["message"] = "Confidential tip about the bridge";
        var spam = MessageForm.Valid("Spam");
        spam["email"] = "spam.sender@example.org";
        spam["website"] = "x";

        var reference = await MessageForm.LeaveAsync(reader, values);
        await MessageForm.LeaveAsync(reader, spam);
        await MessageForm.SendAsync(reader, new Dictionary<string, string> { ["email"] = "invalid.sender@example" });

        var log = factory.Log.Text;
        Assert.True(log.Contains($"Message \"{reference}\" received", StringComparison.Ordinal), log);
        Assert.Contains("filed as spam", log);
        Assert.DoesNotContain("secret.reader", log);
        Assert.DoesNotContain("spam.sender", log);
        Assert.DoesNotContain("invalid.sender", log);
        Assert.DoesNotContain("Confidential tip", log);
    }
}
