using NewsPortal.Core.Mail;
using NewsPortal.Core.Messages;

namespace NewsPortal.Web.Features.Mail;

/// <summary>Outgoing mail: the settings, the durable outbox and the service that sends it.</summary>
public static class MailSetup
{
    public static IServiceCollection AddMail(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<MailOptions>().Bind(configuration.GetSection(MailOptions.Section)).ValidateDataAnnotations().ValidateOnStart();
        services.AddScoped<MailOutbox>();
        services.AddScoped<MessageReplies>();
        services.AddScoped<MessageDigests>();
        services.AddSingleton<MailSender>();
        services.AddSingleton<OutboxSignal>();
        services.AddHostedService<MailOutboxService>();
        return services;
    }
}
