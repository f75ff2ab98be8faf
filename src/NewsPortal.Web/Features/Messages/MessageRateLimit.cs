using System.Globalization;
using System.Threading.RateLimiting;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.Options;
using NewsPortal.Web.Infrastructure;

namespace NewsPortal.Web.Features.Messages;

/// <summary>
/// The per-client limit on sending the message form, through ASP.NET Core's rate limiter: a fixed window per
/// client IP address for POST /message, and no limit on anything else. A refused post gets a friendly 429 page.
/// </summary>
public static class MessageRateLimit
{
    public static IServiceCollection AddMessageRateLimit(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<MessageRateLimitOptions>().Bind(configuration.GetSection(MessageRateLimitOptions.Section)).ValidateDataAnnotations().ValidateOnStart();
        services.AddRateLimiter(_ => { });
        services.AddOptions<RateLimiterOptions>().Configure<IOptions<MessageRateLimitOptions>>((options, limits) =>
        {
            var permits = limits.Value.PermitLimit;
            var window = TimeSpan.FromSeconds(limits.Value.WindowSeconds);
            options.GlobalLimiter = PartitionedRateLimiter.Create<HttpContext, string>(context =>
                IsMessagePost(context.Request)
                    ? RateLimitPartition.GetFixedWindowLimiter(
                        "message:" + (context.Connection.RemoteIpAddress?.ToString() ?? "unknown"),
                        _ => new FixedWindowRateLimiterOptions { PermitLimit = permits, Window = window, QueueLimit = 0 })
                    : RateLimitPartition.GetNoLimiter(""));
            options.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            options.OnRejected = RefuseAsync;
        });
        return services;
    }

    private static bool IsMessagePost(HttpRequest request) =>
        HttpMethods.IsPost(request.Method) && MessageFormMiddleware.Handles(request.Path);

    private static async ValueTask RefuseAsync(OnRejectedContext rejected, CancellationToken ct)
    {
        var context = rejected.HttpContext;
        var minutes = 1;
        if (rejected.Lease.TryGetMetadata(MetadataName.RetryAfter, out var retryAfter))
        {
            context.Response.Headers.RetryAfter = ((int)Math.Ceiling(retryAfter.TotalSeconds)).ToString(CultureInfo.InvariantCulture);
            minutes = Math.Max(1, (int)Math.Ceiling(retryAfter.TotalMinutes));
        }

        context.RequestServices.GetRequiredService<ILoggerFactory>().CreateLogger(typeof(MessageRateLimit))
            .LogWarning("Message form refused: rate limit reached");
        await MiddlewareViews.RefuseAsync(context, StatusCodes.Status429TooManyRequests, new RefusalPage(
            "Too many messages",
            $"You have sent several messages in a short time. Please wait {minutes} minute{(minutes == 1 ? "" : "s")} and try again; your browser's Back button returns to what you typed.",
            "/", "Go to the home page"));
    }
}
