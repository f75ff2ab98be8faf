using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Options;
using NewsPortal.Core.Media;
using NewsPortal.Web.Platform.Data;

namespace NewsPortal.Web.Platform.Health;

/// <summary>
/// Degraded when the disk of the SQLite database's folder or of the media folder has less free space than
/// <see cref="HealthOptions.MinFreeMegabytes"/>: reading still works, but messages and saves are about to fail.
/// </summary>
public sealed class DiskSpaceHealthCheck(IOptions<DatabaseOptions> database, IOptions<MediaOptions> media, IOptions<HealthOptions> options, IWebHostEnvironment environment)
    : IHealthCheck
{
    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        var minimum = options.Value.MinFreeMegabytes * 1024 * 1024;
        var low = new List<string>();
        foreach (var (name, folder) in Folders())
        {
            try
            {
                var free = new DriveInfo(folder).AvailableFreeSpace;
                if (free < minimum)
                {
                    low.Add($"{name} folder has {free / 1024 / 1024} MB free");
                }
            }
            catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or ArgumentException)
            {
                low.Add($"{name} folder cannot be inspected");
            }
        }

        return Task.FromResult(low.Count == 0
            ? HealthCheckResult.Healthy("Enough free space")
            : HealthCheckResult.Degraded(string.Join("; ", low)));
    }

    private IEnumerable<(string Name, string Folder)> Folders()
    {
        if (database.Value.Provider == "Sqlite")
        {
            var source = new SqliteConnectionStringBuilder(database.Value.ConnectionString).DataSource;
            if (source is { Length: > 0 } and not ":memory:"
                && Path.GetDirectoryName(Path.GetFullPath(Path.Combine(environment.ContentRootPath, source))) is { Length: > 0 } folder)
            {
                yield return ("data", folder);
            }
        }

        yield return ("media", media.Value.Folder);
    }
}
