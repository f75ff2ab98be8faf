using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using NewsPortal.IntegrationTests.Home;
using NewsPortal.IntegrationTests.Infrastructure;

namespace NewsPortal.IntegrationTests.Hosting;

/// <summary>
/// The top-level wwwroot/ is what is served, both under `dotnet run` and from a published build started
/// from another folder. Real processes, real Kestrel on 127.0.0.1.
/// </summary>
[Trait(DatabaseTrait.Name, DatabaseTrait.ProviderIndependent)]
public sealed class ServingTheWebRoot
{
    private static readonly string Root = BrowsingTheHomePage.RepoRoot();

    [Fact]
    public async Task Dotnet_run_serves_the_top_level_wwwroot()
    {
        var data = Directory.CreateTempSubdirectory("newsportal-run-");
        var port = FreePort();
        using var server = Start("dotnet", $"run --project \"{Path.Combine(Root, "src", "NewsPortal.Web")}\" --no-launch-profile -- --urls http://127.0.0.1:{port}", Root, data.FullName);
        try
        {
            await AssertServesRepoFile(port, server);
        }
        finally
        {
            Stop(server);
            data.Delete(recursive: true);
        }
    }

    [Fact]
    public async Task A_published_build_carries_wwwroot_and_serves_it_from_anywhere()
    {
        var output = Directory.CreateTempSubdirectory("newsportal-publish-");
        try
        {
            using (var publish = Start("dotnet", $"publish \"{Path.Combine(Root, "src", "NewsPortal.Web")}\" -c Release -o \"{output.FullName}\" --nologo", Root, output.FullName))
            {
                await publish.WaitForExitAsync().WaitAsync(TimeSpan.FromMinutes(5));
                Assert.True(publish.ExitCode == 0, "dotnet publish failed");
            }

            Assert.True(File.Exists(Path.Combine(output.FullName, "wwwroot", "css", "site.css")), "wwwroot/ was not published beside the app");
            var port = FreePort();

            // Started from an unrelated folder (/), as a service manager would.
            using var server = Start("dotnet", $"\"{Path.Combine(output.FullName, "NewsPortal.Web.dll")}\" --urls http://127.0.0.1:{port}", "/", output.FullName);
            try
            {
                await AssertServesRepoFile(port, server);
            }
            finally
            {
                Stop(server);
            }
        }
        finally
        {
            output.Delete(recursive: true);
        }
    }

    private static async Task AssertServesRepoFile(int port, Process server)
    {
        using var http = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{port}") };
        // dotnet run builds first: on a busy 2-core machine that alone can take minutes.
        var deadline = DateTime.UtcNow.AddMinutes(6);
        HttpResponseMessage? response = null;
        while (DateTime.UtcNow < deadline && !server.HasExited)
        {
            try
            {
                response = await http.GetAsync("/css/site.css");
                break;
            }
            catch (HttpRequestException)
            {
                await Task.Delay(500);
            }
        }

        Assert.NotNull(response);
        Assert.Equal(HttpStatusCode.OK, response!.StatusCode);
        Assert.Equal(await File.ReadAllTextAsync(Path.Combine(Root, "wwwroot", "css", "site.css")), await response.Content.ReadAsStringAsync());
        var home = await http.GetAsync("/");
        Assert.Equal(HttpStatusCode.OK, home.StatusCode);
        Assert.Contains("class=\"site-footer\"", await home.Content.ReadAsStringAsync());
    }

    private static Process Start(string file, string arguments, string workingDirectory, string dataFolder)
    {
        var info = new ProcessStartInfo(file, arguments)
        {
            WorkingDirectory = workingDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        info.Environment["Database__ConnectionString"] = $"Data Source={Path.Combine(dataFolder, "portal.db")}";
        info.Environment["Serilog__WriteTo__1__Args__path"] = Path.Combine(dataFolder, "logs", "portal-.log");
        info.Environment["ASPNETCORE_ENVIRONMENT"] = "Production";
        var process = Process.Start(info)!;
        process.OutputDataReceived += (_, _) => { };
        process.ErrorDataReceived += (_, _) => { };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return process;
    }

    private static void Stop(Process process)
    {
        if (!process.HasExited)
        {
            process.Kill(entireProcessTree: true);
            process.WaitForExit(10_000);
        }
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
