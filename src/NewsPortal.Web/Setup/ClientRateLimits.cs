using System.ComponentModel.DataAnnotations;
using System.Globalization;
using System.Threading.RateLimiting;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.Options;
using NewsPortal.Core.Text;
using NewsPortal.Web.Features.Messages;
using NewsPortal.Web.Platform.MiddlewarePages;

namespace NewsPortal.Web.Setup;

/// <summary>At most <see cref="PermitLimit"/> requests from one client (IP address) in each window of <see cref="WindowSeconds"/>.</summary>
public sealed class ClientRateLimitOptions
{
    [Range(1, 1_000_000)]
    public int PermitLimit { get; set; }

    [Range(1, 86_400)]
    public int WindowSeconds { get; set; }
}

/// <summary>
/// Per-client limits on the two forms anyone can post, through ASP.NET Core's rate limiter: the message form
/// (POST /message, five times "Messages:RateLimit", whose accepted messages <see cref="AcceptedMessageLimit"/> counts) and staff sign-in (POST to the sign-in page, by its endpoint,
/// "Staff:SignInRateLimit", 30 per 5 minutes by default, on top of the account lockout). Each is a fixed window
/// per client IP address; every other request passes unlimited. A refused post gets a friendly 429 page.
/// </summary>
public static class ClientRateLimits
{
    public const string Messages = "Messages:RateLimit";

    /// <summary>Posts of the message form (corrections included) allowed for each accepted message the limit allows.</summary>
    public const int FormPostsPerAcceptedMessage = 5;
    public const string SignIn = "Staff:SignInRateLimit";
    public const string SignInPath = "/staff/sign-in";
    private const string SignInPage = "/Staff/SignIn";

    /// <summary>What a reader posting messages too often is told: wait a minute, or {0} minutes.</summary>
    public const string TooManyMessagesOneMinute = "You have sent several messages in a short time. Please wait 1 minute and try again; your browser's Back button returns to what you typed.";

    public const string TooManyMessagesMinutes = "You have sent several messages in a short time. Please wait {0} minutes and try again; your browser's Back button returns to what you typed.";

    public static IServiceCollection AddClientRateLimits(this IServiceCollection services, IConfiguration configuration)
    {
        Limit(services, configuration, Messages, permits: AcceptedMessageLimit.DefaultPermits, seconds: AcceptedMessageLimit.DefaultWindowSeconds);
        Limit(services, configuration, SignIn, permits: 30, seconds: 300);
        services.AddSingleton(provider =>
        {
            var accepted = provider.GetRequiredService<IOptionsMonitor<ClientRateLimitOptions>>().Get(Messages);
            return new AcceptedMessageLimit(accepted.PermitLimit, TimeSpan.FromSeconds(accepted.WindowSeconds));
        });
        services.AddRateLimiter(_ => { });
        services.AddOptions<RateLimiterOptions>().Configure<IOptionsMonitor<ClientRateLimitOptions>>((options, limits) =>
        {
            var messages = limits.Get(Messages);
            var signIn = limits.Get(SignIn);
            options.GlobalLimiter = PartitionedRateLimiter.Create<HttpContext, string>(context =>
                RuleFor(context) switch
                {
                    // Accepted messages are limited by AcceptedMessageLimit; posts of the form, corrections included, to five times that.
                    Messages => Window("message:", context, new ClientRateLimitOptions { PermitLimit = messages.PermitLimit * FormPostsPerAcceptedMessage, WindowSeconds = messages.WindowSeconds }),
                    SignIn => Window("sign-in:", context, signIn),
                    _ => RateLimitPartition.GetNoLimiter(""),
                });
            options.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            options.OnRejected = RefuseAsync;
        });
        return services;
    }

    /// <summary>The rate limiter (after routing, before authentication).</summary>
    public static IApplicationBuilder UseClientRateLimits(this IApplicationBuilder app) => app.UseRateLimiter();

    private static void Limit(IServiceCollection services, IConfiguration configuration, string section, int permits, int seconds) =>
        services.AddOptions<ClientRateLimitOptions>(section)
            .Configure(o => (o.PermitLimit, o.WindowSeconds) = (permits, seconds))
            .Bind(configuration.GetSection(section))
            .ValidateDataAnnotations()
            .ValidateOnStart();

    /// <summary>
    /// The rule for a request, by what answers it rather than by how its path is spelled: the sign-in page's
    /// endpoint, however routing reached it (a trailing slash, other letter case, percent-encoded letters), and the
    /// message form by the same test its middleware answers by.
    /// </summary>
    private static string? RuleFor(HttpContext context) =>
        !HttpMethods.IsPost(context.Request.Method) ? null
        : MessageFormMiddleware.Handles(context.Request.Path) ? Messages
        : IsSignInPage(context.GetEndpoint()) ? SignIn
        : null;

    private static bool IsSignInPage(Endpoint? endpoint) =>
        endpoint?.Metadata.GetMetadata<Microsoft.AspNetCore.Mvc.Abstractions.ActionDescriptor>() is { } action
        && action.RouteValues.TryGetValue("page", out var page)
        && string.Equals(page, SignInPage, StringComparison.Ordinal);

    private static RateLimitPartition<string> Window(string prefix, HttpContext context, ClientRateLimitOptions limit) =>
        RateLimitPartition.GetFixedWindowLimiter(
            prefix + (context.Connection.RemoteIpAddress?.ToString() ?? "unknown"),
            _ => new FixedWindowRateLimiterOptions { PermitLimit = limit.PermitLimit, Window = TimeSpan.FromSeconds(limit.WindowSeconds), QueueLimit = 0 });

    private static async ValueTask RefuseAsync(OnRejectedContext rejected, CancellationToken ct)
    {
        var context = rejected.HttpContext;
        var minutes = 1;
        if (rejected.Lease.TryGetMetadata(MetadataName.RetryAfter, out var retryAfter))
        {
            context.Response.Headers.RetryAfter = ((int)Math.Ceiling(retryAfter.TotalSeconds)).ToString(CultureInfo.InvariantCulture);
            minutes = Math.Max(1, (int)Math.Ceiling(retryAfter.TotalMinutes));
        }

        var wait = $"Please wait {minutes} minute{(minutes == 1 ? "" : "s")} and try again";
        var signIn = RuleFor(context) == SignIn;
        context.RequestServices.GetRequiredService<ILoggerFactory>().CreateLogger(typeof(ClientRateLimits))
            .LogWarning("Request refused: rate limit of {Rule} reached", signIn ? "staff sign-in" : "the message form");
        await MiddlewarePage.RefuseAsync(context, StatusCodes.Status429TooManyRequests, signIn
            ? new RefusalPage("Too many sign-in attempts", $"There have been too many sign-in attempts from your network. {wait}.", SignInPath, "Back to sign in")
            : new RefusalPage("Too many messages", minutes == 1 ? TooManyMessagesOneMinute : ReaderText.Of(TooManyMessagesMinutes, minutes)));
    }
}
