using System.Collections.Concurrent;
using Microsoft.Data.Sqlite;
using NewsPortal.IntegrationTests.Infrastructure;
using Xunit.Abstractions;

namespace NewsPortal.IntegrationTests.Operations;

/// <summary>
/// The real server under a bounded load: 2,000 messages from 32 readers at once (each fetching the form, posting
/// it and reading its thank-you page), with the message rate limit raised in the server's configuration. Exactly
/// the messages whose reference a reader saw are stored, and nothing failed on either side.
/// </summary>
[Trait(DatabaseTrait.Name, DatabaseTrait.SqliteOnly)]
public sealed class HandlingMessageLoad(ITestOutputHelper output)
{
    private const int Clients = 32;
    private const int Messages = 2_000;

    [Fact]
    public async Task Two_thousand_messages_from_32_readers_are_all_stored_exactly_once_without_an_error()
    {
        var folder = Directory.CreateTempSubdirectory("newsportal-load-").FullName;
        using var deadline = new CancellationTokenSource(TimeSpan.FromMinutes(6));
        try
        {
            await using var portal = await PortalProcess.StartAsync(
                folder, new Dictionary<string, string> { ["Messages:RateLimit:PermitLimit"] = "100000" }, TimeSpan.FromMinutes(3));
            var accepted = new ConcurrentDictionary<string, string>(StringComparer.Ordinal);
            var failures = new ConcurrentQueue<string>();
            var next = 0;
            var posted = 0;
            var started = DateTime.UtcNow;

            await Task.WhenAll(Enumerable.Range(0, Clients).Select(c => Task.Run(async () =>
            {
                using var client = portal.Client();
                for (var n = Interlocked.Increment(ref next); n <= Messages; n = Interlocked.Increment(ref next))
                {
                    var subject = $"Load message {n:D4} from reader {c}";
                    Interlocked.Increment(ref posted);
                    try
                    {
                        if (await PortalProcess.LeaveMessageAsync(client, subject, deadline.Token) is { } reference)
                        {
                            Assert.True(accepted.TryAdd(reference, subject), $"Reference {reference} was given twice");
                        }
                        else
                        {
                            failures.Enqueue($"{subject}: no thank-you page");
                        }
                    }
                    catch (Exception ex) when (ex is HttpRequestException or TaskCanceledException or IOException)
                    {
                        failures.Enqueue($"{subject}: {ex.GetType().Name} {ex.Message}");
                    }
                }
            })));
            var seconds = (DateTime.UtcNow - started).TotalSeconds;

            var stored = StoredMessages(portal.DatabasePath);
            output.WriteLine($"Messages posted: {posted} by {Clients} readers in {seconds:0.0} s; accepted (reference shown): {accepted.Count}; " +
                $"stored: {stored.Count}; failed requests: {failures.Count}; server errors logged: {portal.Errors.Count}.");

            Assert.Empty(failures);
            Assert.Empty(portal.Errors);
            Assert.Equal(Messages, accepted.Count);
            Assert.Equal(accepted.OrderBy(a => a.Key, StringComparer.Ordinal), stored.OrderBy(s => s.Key, StringComparer.Ordinal));
        }
        finally
        {
            SqliteConnection.ClearAllPools();
            Directory.Delete(folder, recursive: true);
        }
    }

    /// <summary>Reference and subject of every stored message.</summary>
    private static Dictionary<string, string> StoredMessages(string database)
    {
        using var connection = new SqliteConnection($"Data Source={database};Mode=ReadOnly;Pooling=False");
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT Reference, Subject FROM Messages";
        using var rows = command.ExecuteReader();
        var messages = new Dictionary<string, string>(StringComparer.Ordinal);
        while (rows.Read())
        {
            messages.Add(rows.GetString(0), rows.GetString(1));
        }

        return messages;
    }
}
