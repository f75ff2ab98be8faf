using System.Collections.Concurrent;
using System.Net;
using Microsoft.Data.Sqlite;
using NewsPortal.IntegrationTests.Infrastructure;
using Xunit.Abstractions;

namespace NewsPortal.IntegrationTests.Operations;

/// <summary>
/// A reader who saw a reference number must never find the message lost: the real server, posted to by 16
/// readers at once, is killed with SIGKILL part-way and started again on the same SQLite file. Bounded: at most
/// 16 × 60 messages, and a few minutes in all, on 127.0.0.1.
/// </summary>
[Trait(DatabaseTrait.Name, DatabaseTrait.SqliteOnly)]
public sealed class SurvivingACrash(ITestOutputHelper output)
{
    private const int Clients = 16;
    private const int MaxPerClient = 60;

    /// <summary>Killed once this many readers have seen their reference, with every client still posting.</summary>
    private const int KillAfterReceived = 160;

    private static readonly Dictionary<string, string> Settings = new() { ["Messages:RateLimit:PermitLimit"] = "100000" };

    /// <summary>Three times over on the same file: each run killed part-way, the next started on what it left.</summary>
    private const int Crashes = 3;

    [Fact]
    public async Task Every_reference_a_reader_was_shown_is_still_stored_after_the_server_is_killed()
    {
        var folder = Directory.CreateTempSubdirectory("newsportal-crash-").FullName;
        using var deadline = new CancellationTokenSource(TimeSpan.FromMinutes(6));
        try
        {
            var received = new ConcurrentBag<string>();
            var posted = 0;
            for (var crash = 1; crash <= Crashes; crash++)
            {
                var (postedThisRun, receivedThisRun) = await PostUntilKilledAsync(folder, crash, received, deadline.Token);
                posted += postedThisRun;
                output.WriteLine($"Run {crash}: {Clients} clients posted {postedThisRun} messages; killed with SIGKILL after {receivedThisRun} references were shown.");
                Assert.InRange(receivedThisRun, KillAfterReceived, Clients * MaxPerClient - 1);
            }

            // The same file, a new process: SQLite recovers from its write-ahead log.
            await using var last = await PortalProcess.StartAsync(folder, Settings, TimeSpan.FromMinutes(3));
            var stored = StoredReferences(last.DatabasePath);
            var missing = received.Where(r => !stored.Contains(r)).ToList();
            using var reader = last.Client();
            var thanksPages = 0;
            foreach (var reference in received)
            {
                if ((await reader.GetAsync($"message/thanks?ref={reference}", deadline.Token)).StatusCode == HttpStatusCode.OK)
                {
                    thanksPages++;
                }
            }

            output.WriteLine($"In all: messages posted {posted}; references received {received.Count}; stored after the last restart {stored.Count} " +
                $"(the rest were cut off before they were committed); received but missing {missing.Count}; thank-you pages found again {thanksPages}.");

            Assert.Empty(missing);
            Assert.Equal(received.Count, thanksPages);
            Assert.InRange(stored.Count, received.Count, posted);
            Assert.Equal("ok", IntegrityCheck(last.DatabasePath));
        }
        finally
        {
            SqliteConnection.ClearAllPools();
            Directory.Delete(folder, recursive: true);
        }
    }

    /// <summary>Starts the portal on the file in <paramref name="folder"/>, has 16 readers post to it, and kills it part-way.</summary>
    private static async Task<(int Posted, int Received)> PostUntilKilledAsync(string folder, int run, ConcurrentBag<string> received, CancellationToken deadline)
    {
        await using var portal = await PortalProcess.StartAsync(folder, Settings, TimeSpan.FromMinutes(3));
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(deadline);
        var posted = 0;
        var thisRun = 0;
        var readers = Enumerable.Range(0, Clients).Select(c => Task.Run(async () =>
        {
            using var client = portal.Client();
            for (var n = 0; n < MaxPerClient && !stop.IsCancellationRequested; n++)
            {
                try
                {
                    Interlocked.Increment(ref posted);
                    if (await PortalProcess.LeaveMessageAsync(client, $"Crash run {run} reader {c} message {n}", stop.Token) is { } reference)
                    {
                        received.Add(reference);
                        Interlocked.Increment(ref thisRun);
                    }
                }
                catch (Exception ex) when (ex is HttpRequestException or TaskCanceledException or OperationCanceledException or IOException)
                {
                    // The server is gone: this reader saw no reference for the message in flight.
                    return;
                }
            }
        })).ToList();

        while (Volatile.Read(ref thisRun) < KillAfterReceived && !readers.All(r => r.IsCompleted))
        {
            await Task.Delay(10, deadline);
        }

        portal.Kill();
        await Task.WhenAll(readers);
        return (posted, thisRun);
    }

    private static HashSet<string> StoredReferences(string database)
    {
        using var connection = new SqliteConnection($"Data Source={database};Mode=ReadOnly;Pooling=False");
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT Reference FROM Messages";
        using var rows = command.ExecuteReader();
        var references = new HashSet<string>(StringComparer.Ordinal);
        while (rows.Read())
        {
            references.Add(rows.GetString(0));
        }

        return references;
    }

    private static string IntegrityCheck(string database)
    {
        using var connection = new SqliteConnection($"Data Source={database};Mode=ReadOnly;Pooling=False");
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = "PRAGMA integrity_check";
        return (string)command.ExecuteScalar()!;
    }
}
