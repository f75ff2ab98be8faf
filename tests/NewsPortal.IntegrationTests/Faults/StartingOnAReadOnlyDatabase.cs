using NewsPortal.IntegrationTests.Infrastructure;

namespace NewsPortal.IntegrationTests.Faults;

/// <summary>A start on a database that cannot be written names every file that must be writable, the -shm among them.</summary>
[Trait(DatabaseTrait.Name, DatabaseTrait.SqliteOnly)]
public sealed class StartingOnAReadOnlyDatabase
{
    [Fact]
    public async Task The_start_up_error_names_the_database_its_wal_and_shm_files_and_their_folder()
    {
        await using var disk = await SmallDisk.MountAsync(megabytes: 32);
        var settings = PortalCommand.In(disk.Path);
        var work = Directory.CreateTempSubdirectory("newsportal-readonly-").FullName;
        try
        {
            // A site with its database, stopped cleanly; then its file system turns read-only (root ignores file modes).
            var migrated = await PortalCommand.RunAsync(work, settings, "migrate");
            Assert.True(migrated.ExitCode == 0, migrated.Output);
            await PrivateServers.RunAsync("mount", "-o", "remount,ro", disk.Path);

            var start = await PortalCommand.RunAsync(work, settings);

            Assert.Equal(1, start.ExitCode);
            var database = Operations.PortalProcess.DatabaseFile(disk.Path);
            Assert.Contains("must be writable", start.Output);
            Assert.Contains(database + ":", start.Output);
            Assert.Contains(database + "-wal:", start.Output);
            Assert.Contains(database + "-shm:", start.Output);
            Assert.Contains(disk.Path + "/", start.Output);
            Assert.Contains("NOT writable", start.Output);
            await PrivateServers.RunAsync("mount", "-o", "remount,rw", disk.Path);
        }
        finally
        {
            Directory.Delete(work, recursive: true);
        }
    }
}
