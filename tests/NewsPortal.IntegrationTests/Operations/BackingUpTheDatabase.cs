using System.Net;
using Microsoft.EntityFrameworkCore;
using NewsPortal.Core.Data;
using NewsPortal.Core.Messages;
using NewsPortal.IntegrationTests.Infrastructure;

namespace NewsPortal.IntegrationTests.Operations;

[Trait("Provider", "SqliteOnly")]
public sealed class BackingUpTheDatabase(PortalFactory factory) : IClassFixture<PortalFactory>
{
    [Fact]
    public async Task A_backup_taken_under_write_load_is_consistent_and_restores()
    {
        factory.CreateBrowserClient(); // start the portal: migrated and seeded
        var backupPath = Path.Combine(factory.DataFolder, "backups", "copy.db");
        using var stop = new CancellationTokenSource();
        var written = 0;

        var writer = Task.Run(async () =>
        {
            while (!stop.IsCancellationRequested)
            {
                await factory.WithDbAsync(async db =>
                {
                    db.Messages.Add(new Message
                    {
                        Reference = $"LOAD-{Guid.NewGuid():N}"[..20],
                        Name = "Load writer",
                        Email = "load@newsportal.test",
                        Subject = "Backup under load",
                        Body = "Written while the backup runs.",
                        ReceivedAt = DateTime.UtcNow,
                    });
                    await db.SaveChangesAsync();
                });
                Interlocked.Increment(ref written);
            }
        });

        await WaitUntil(() => Volatile.Read(ref written) >= 5);
        var result = await SqliteBackup.CopyAsync($"Data Source={factory.DatabasePath}", backupPath);
        var afterBackup = Volatile.Read(ref written);
        await WaitUntil(() => Volatile.Read(ref written) >= afterBackup + 5);
        await stop.CancelAsync();
        await writer;

        Assert.Equal("ok", result.IntegrityCheck);
        Assert.Equal("ok", await SqliteBackup.IntegrityCheckAsync(backupPath));
        Assert.False(File.Exists(backupPath + "-wal"), "The backup must be a standalone file");
        var live = await factory.WithDbAsync(db => db.Messages.CountAsync());
        Assert.Equal(written, live);

        // Restore: the documented procedure is to stop the portal and put the copy in place of the database file.
        await using var restored = new RestoredPortal(backupPath);
        var client = restored.CreateBrowserClient();
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/")).StatusCode);
        var inBackup = await restored.WithDbAsync(db => db.Messages.CountAsync());
        Assert.InRange(inBackup, 1, live - 1);
        Assert.True(await restored.WithDbAsync(db => db.Articles.AnyAsync()));
    }

    [Fact]
    public async Task The_database_runs_in_wal_mode_with_full_synchronous_commits()
    {
        factory.CreateBrowserClient();

        var mode = await factory.WithDbAsync(async db =>
        {
            var connection = db.Database.GetDbConnection();
            await db.Database.OpenConnectionAsync();
            await using var command = connection.CreateCommand();
            command.CommandText = "PRAGMA journal_mode;";
            var journal = (string)(await command.ExecuteScalarAsync())!;
            command.CommandText = "PRAGMA synchronous;";
            var synchronous = (long)(await command.ExecuteScalarAsync())!;
            return (journal, synchronous);
        });

        Assert.Equal("wal", mode.journal);
        Assert.Equal(2, mode.synchronous); // FULL
    }

    private static async Task WaitUntil(Func<bool> condition)
    {
        for (var i = 0; i < 200 && !condition(); i++)
        {
            await Task.Delay(50);
        }

        Assert.True(condition(), "The writer made no progress");
    }

    private sealed class RestoredPortal(string backupPath) : PortalFactory
    {
        protected override IEnumerable<KeyValuePair<string, string?>> Settings()
        {
            Directory.CreateDirectory(DataFolder);
            File.Copy(backupPath, DatabasePath, overwrite: true);
            return [];
        }
    }
}
