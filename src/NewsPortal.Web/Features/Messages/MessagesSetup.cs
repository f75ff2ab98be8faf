using NewsPortal.Core.Messages;
using NewsPortal.Web.Platform.Caching;

namespace NewsPortal.Web.Features.Messages;

/// <summary>Reader messages: the form, the staff inbox and deletion after the retention period (the form's rate limit is in ClientRateLimits).</summary>
public static class MessagesSetup
{
    public static IServiceCollection AddMessages(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<MessagesOptions>().Bind(configuration.GetSection(MessagesOptions.Section)).ValidateDataAnnotations().ValidateOnStart();
        services.AddScoped<MessageInbox>();
        services.AddSingleton<FormStamp>();
        services.AddSingleton(new UncachedPath(MessageFormMiddleware.Path));
        services.AddHostedService<MessageRetentionService>();
        return services;
    }

    /// <summary>The message form (just before the endpoints).</summary>
    public static IApplicationBuilder UseMessageForm(this IApplicationBuilder app) => app.UseMiddleware<MessageFormMiddleware>();
}
