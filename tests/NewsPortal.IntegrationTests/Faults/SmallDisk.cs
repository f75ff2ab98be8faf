namespace NewsPortal.IntegrationTests.Faults;

/// <summary>
/// A real small file system (tmpfs, mounted by the test, which runs as root as scripts/test.sh does), and a way
/// to fill it to the last byte and free it again.
/// </summary>
public sealed class SmallDisk : IAsyncDisposable
{
    private SmallDisk(string path) => Path = path;

    public string Path { get; }

    private string Filler => System.IO.Path.Combine(Path, "filler");

    public static async Task<SmallDisk> MountAsync(int megabytes)
    {
        var path = Directory.CreateTempSubdirectory("newsportal-small-disk-").FullName;
        await PrivateServers.RunAsync("mount", "-t", "tmpfs", "-o", $"size={megabytes}m", "tmpfs", path);
        return new SmallDisk(path);
    }

    /// <summary>Writes a file until the disk refuses another byte.</summary>
    public async Task FillAsync()
    {
        var chunk = new byte[64 * 1024];
        await using var file = new FileStream(Filler, FileMode.Append, FileAccess.Write, FileShare.None, 1, FileOptions.None);
        try
        {
            while (true)
            {
                await file.WriteAsync(chunk);
            }
        }
        catch (IOException)
        {
            // Full: now byte by byte, so not even a small write fits.
        }

        try
        {
            while (true)
            {
                file.WriteByte(0);
                file.Flush();
            }
        }
        catch (IOException)
        {
            // Not one byte more.
        }
    }

    public void Free() => File.Delete(Filler);

    public async ValueTask DisposeAsync()
    {
        await PrivateServers.RunAsync("umount", "-l", Path);
        Directory.Delete(Path, recursive: true);
    }
}
