using System.Formats.Tar;
using System.IO.Compression;
using NewsPortal.Core.Data;

namespace NewsPortal.Web.Setup;

/// <summary>Where the data a site needs lives: the SQLite file (null on PostgreSQL), uploaded images, the data-protection keys.</summary>
public sealed record SiteFolders(string? DatabaseFile, string MediaFolder, string KeysFolder);

/// <summary>
/// One archive (.tar.gz) holding everything needed to bring a site back: an online copy of the SQLite database
/// ("newsportal.db"), the uploaded images ("media/") and the data-protection key ring ("keys/", without which
/// staff sessions and forms open before the backup are refused). On PostgreSQL the database is left to pg_dump.
/// </summary>
public static class SiteArchive
{
    public const string DatabaseEntry = "newsportal.db";
    public const string MediaEntry = "media/";
    public const string KeysEntry = "keys/";

    public sealed record Summary(string Path, bool HasDatabase, int MediaFiles, int KeyFiles, long Bytes);

    public static async Task<Summary> CreateAsync(SiteFolders site, string? sqliteConnectionString, string target, CancellationToken ct = default)
    {
        target = Path.GetFullPath(target);
        Directory.CreateDirectory(Path.GetDirectoryName(target)!);
        var scratch = Directory.CreateTempSubdirectory("newsportal-backup-");
        var partial = target + ".partial";
        try
        {
            int media, keys;
            await using (var file = File.Create(partial))
            await using (var gzip = new GZipStream(file, CompressionLevel.Fastest))
            await using (var tar = new TarWriter(gzip, TarEntryFormat.Pax))
            {
                if (sqliteConnectionString is not null)
                {
                    var copy = await SqliteBackup.CopyAsync(sqliteConnectionString, Path.Combine(scratch.FullName, DatabaseEntry), ct);
                    await tar.WriteEntryAsync(copy.Path, DatabaseEntry, ct);
                }

                media = await AddFolderAsync(tar, site.MediaFolder, MediaEntry, ct);
                keys = await AddFolderAsync(tar, site.KeysFolder, KeysEntry, ct);
            }

            File.Move(partial, target, overwrite: true);
            return new Summary(target, sqliteConnectionString is not null, media, keys, new FileInfo(target).Length);
        }
        finally
        {
            File.Delete(partial);
            scratch.Delete(recursive: true);
        }
    }

    /// <summary>
    /// Puts an archive's contents in place: the database file (its old -wal and -shm removed), media and keys.
    /// Refuses to overwrite an existing database unless <paramref name="overwrite"/>, so a restore is never run
    /// over a live site by mistake.
    /// </summary>
    public static async Task<Summary> RestoreAsync(string archive, SiteFolders site, bool overwrite, CancellationToken ct = default)
    {
        if (site.DatabaseFile is { } existing && File.Exists(existing) && !overwrite)
        {
            throw new IOException($"{existing} exists. Stop the portal, and run restore again with --overwrite to replace it.");
        }

        bool hasDatabase = false;
        int media = 0, keys = 0;
        await using (var file = File.OpenRead(archive))
        await using (var gzip = new GZipStream(file, CompressionMode.Decompress))
        await using (var tar = new TarReader(gzip))
        {
            while (await tar.GetNextEntryAsync(cancellationToken: ct) is { } entry)
            {
                if (entry.EntryType is not (TarEntryType.RegularFile or TarEntryType.V7RegularFile))
                {
                    continue;
                }

                string? destination = entry.Name switch
                {
                    DatabaseEntry when site.DatabaseFile is not null => site.DatabaseFile,
                    var name when name.StartsWith(MediaEntry, StringComparison.Ordinal) => Inside(site.MediaFolder, name[MediaEntry.Length..]),
                    var name when name.StartsWith(KeysEntry, StringComparison.Ordinal) => Inside(site.KeysFolder, name[KeysEntry.Length..]),
                    _ => null,
                };
                if (destination is null)
                {
                    continue;
                }

                Directory.CreateDirectory(Path.GetDirectoryName(destination)!);
                if (destination == site.DatabaseFile)
                {
                    File.Delete(destination + "-wal");
                    File.Delete(destination + "-shm");
                    hasDatabase = true;
                }
                else if (destination.StartsWith(Path.GetFullPath(site.MediaFolder), StringComparison.Ordinal))
                {
                    media++;
                }
                else
                {
                    keys++;
                }

                await entry.ExtractToFileAsync(destination, overwrite: true, ct);
            }
        }

        return new Summary(Path.GetFullPath(archive), hasDatabase, media, keys, new FileInfo(archive).Length);
    }

    private static async Task<int> AddFolderAsync(TarWriter tar, string folder, string prefix, CancellationToken ct)
    {
        if (!Directory.Exists(folder))
        {
            return 0;
        }

        var count = 0;
        foreach (var path in Directory.EnumerateFiles(folder, "*", SearchOption.AllDirectories).Where(p => !p.EndsWith(".tmp", StringComparison.Ordinal)))
        {
            await tar.WriteEntryAsync(path, prefix + Path.GetRelativePath(folder, path).Replace('\\', '/'), ct);
            count++;
        }

        return count;
    }

    /// <summary>A path inside <paramref name="folder"/>; null for an entry that would land outside it ("../").</summary>
    private static string? Inside(string folder, string relative)
    {
        var root = Path.GetFullPath(folder);
        var path = Path.GetFullPath(Path.Combine(root, relative));
        return relative.Length > 0 && path.StartsWith(root + Path.DirectorySeparatorChar, StringComparison.Ordinal) ? path : null;
    }
}
