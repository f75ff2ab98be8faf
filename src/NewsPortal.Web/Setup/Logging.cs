using NewsPortal.Web.Platform.Logging;
using Serilog;
using Serilog.Events;

namespace NewsPortal.Web.Setup;

public static class Logging
{
    /// <summary>Serilog from the "Serilog" configuration section: console and rolling file, request logging.</summary>
    public static void AddNewsPortalLogging(this WebApplicationBuilder builder)
    {
        var interval = TimeSpan.FromSeconds(builder.Configuration.GetValue("Logging:RepeatedFailureSeconds", 60));
        builder.Services.AddSerilog((services, logger) => logger
            .ReadFrom.Configuration(builder.Configuration)
            .ReadFrom.Services(services)
            .Enrich.FromLogContext()
            .Filter.With(new RepeatedFailureFilter(interval, () => services.GetRequiredService<ILoggerFactory>().CreateLogger("NewsPortal.RepeatedFailures"))));
    }

    /// <summary>
    /// One line per request. A request the client abandoned (a closed tab, a load generator stopping) is
    /// not a server failure, so it is logged at Debug rather than as an error.
    /// </summary>
    public static IApplicationBuilder UseNewsPortalRequestLogging(this IApplicationBuilder app) =>
        app.UseSerilogRequestLogging(options => options.GetLevel = (context, _, exception) =>
            context.RequestAborted.IsCancellationRequested ? LogEventLevel.Debug
            : exception is not null || context.Response.StatusCode >= 500 ? LogEventLevel.Error
            : LogEventLevel.Information);
}
