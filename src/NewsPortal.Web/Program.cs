using NewsPortal.Web.Setup;
using Serilog;

Log.Logger = new LoggerConfiguration().WriteTo.Console(formatProvider: System.Globalization.CultureInfo.InvariantCulture).CreateLogger();

try
{
    var builder = WebApplication.CreateBuilder(new WebApplicationOptions
    {
        Args = args,
        ContentRootPath = WebRoot.ContentRoot(),
        WebRootPath = WebRoot.Locate(args),
    });

    builder.AddNewsPortalLogging();
    builder.Services.AddNewsPortal(builder.Configuration, builder.Environment);

    var app = builder.Build();

    if (await Commands.TryRunAsync(app, args))
    {
        return Environment.ExitCode;
    }

    await app.PrepareDatabaseAsync();

    app.UseNewsPortal();
    await app.RunAsync();
    return 0;
}
catch (Exception ex) when (ex is not HostAbortedException)
{
    Log.Fatal(ex, "NewsPortal stopped unexpectedly");

    // The configured sinks may be what failed; make sure the reason reaches the console.
    await Console.Error.WriteLineAsync($"NewsPortal stopped unexpectedly: {ex.Message}");
    return 1;
}
finally
{
    await Log.CloseAndFlushAsync();
}

/// <summary>Entry point, visible to the integration tests' WebApplicationFactory.</summary>
public partial class Program;
