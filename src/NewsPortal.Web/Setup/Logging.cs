using Serilog;

namespace NewsPortal.Web.Setup;

public static class Logging
{
    /// <summary>Serilog from the "Serilog" configuration section: console and rolling file, request logging.</summary>
    public static void AddNewsPortalLogging(this WebApplicationBuilder builder)
    {
        builder.Services.AddSerilog((services, logger) => logger
            .ReadFrom.Configuration(builder.Configuration)
            .ReadFrom.Services(services)
            .Enrich.FromLogContext());
    }
}
