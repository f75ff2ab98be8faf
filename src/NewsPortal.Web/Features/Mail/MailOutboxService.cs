using Microsoft.Extensions.Options;
using NewsPortal.Core.Mail;
using NewsPortal.Core.Messages;
using NewsPortal.Web.Platform.Site;

namespace NewsPortal.Web.Features.Mail;

/// <summary>Wakes the outbox as soon as something is queued, instead of at its next poll.</summary>
public sealed class OutboxSignal : IDisposable
{
    private readonly SemaphoreSlim _signal = new(0, 1);

    public void Wake()
    {
        try
        {
            _signal.Release();
        }
        catch (SemaphoreFullException)
        {
            // Already woken.
        }
    }

    public Task<bool> WaitAsync(TimeSpan timeout, CancellationToken ct) => _signal.WaitAsync(timeout, ct);

    public void Dispose() => _signal.Dispose();
}

/// <summary>
/// Sends the outbox: every <see cref="MailOptions.PollSeconds"/> (or when woken) it claims each due mail, sends it
/// and records the outcome, trying failed ones again with backoff; and it queues the digests that are due. With no
/// mail server configured it does nothing (replies are then stored as not sent).
/// </summary>
public sealed class MailOutboxService(
    IServiceScopeFactory scopes, MailSender sender, OutboxSignal signal, IOptions<MailOptions> options, IOptions<SiteOptions> site,
    ILogger<MailOutboxService> log) : BackgroundService
{
    private const int Batch = 20;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var o = options.Value;
        if (!o.IsConfigured)
        {
            log.LogInformation("No mail server configured (Mail:Host): replies are kept and marked not sent");
            return;
        }

        log.LogInformation("Sending mail through {Host}:{Port} ({Security})", o.Host, o.Port, o.Security);
        var poll = TimeSpan.FromSeconds(o.PollSeconds);
        try
        {
            while (!stoppingToken.IsCancellationRequested)
            {
                await QueueDigestsAsync(stoppingToken);
                while (await SendDueAsync(stoppingToken) == Batch)
                {
                    // A full batch: there may be more due at once.
                }

                await signal.WaitAsync(poll, stoppingToken);
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // Stopping; a mail claimed and not finished is tried again once its lease runs out.
        }
    }

    /// <summary>Claims and sends what is due now. Returns how many were due.</summary>
    public async Task<int> SendDueAsync(CancellationToken ct)
    {
        var o = options.Value;
        var policy = new RetryPolicy(TimeSpan.FromSeconds(o.RetrySeconds), TimeSpan.FromSeconds(o.MaxRetrySeconds), o.MaxAttempts);
        try
        {
            await using var scope = scopes.CreateAsyncScope();
            var outbox = scope.ServiceProvider.GetRequiredService<MailOutbox>();
            var due = await outbox.DueAsync(Batch, ct);
            foreach (var id in due)
            {
                if (await outbox.ClaimAsync(id, TimeSpan.FromSeconds(o.LeaseSeconds), ct) is { } mail)
                {
                    await SendOneAsync(outbox, mail, policy, ct);
                }
            }

            return due.Count;
        }
        catch (Exception ex) when (ex is not OperationCanceledException || !ct.IsCancellationRequested)
        {
            // The database may be away for a moment; the next poll tries again.
            log.LogError(ex, "The outbox could not be read");
            return 0;
        }
    }

    private async Task SendOneAsync(MailOutbox outbox, ClaimedMail mail, RetryPolicy policy, CancellationToken ct)
    {
        // A send ends well within the lease, so no other sender can claim the mail while this one may still deliver it.
        using var bounded = CancellationTokenSource.CreateLinkedTokenSource(ct);
        bounded.CancelAfter(TimeSpan.FromSeconds(options.Value.LeaseSeconds) / 2);
        try
        {
            await sender.SendAsync(mail, bounded.Token);
        }
        catch (Exception ex) when (!ct.IsCancellationRequested)
        {
            var (reason, permanent) = sender.Describe(ex);
            var state = await outbox.FailedAsync(mail, reason, permanent, policy, CancellationToken.None);
            log.LogWarning("Mail {MailId} not sent on try {Attempt}: {Reason}; {Outcome}", mail.Id, mail.Attempts, reason,
                state == MailState.Failed ? "given up" : "it will be tried again");
            return;
        }

        // Recorded even when stopping: the server has the mail.
        if (await outbox.SentAsync(mail, CancellationToken.None))
        {
            log.LogInformation("Mail {MailId} sent on try {Attempt}", mail.Id, mail.Attempts);
        }
        else
        {
            log.LogWarning("Mail {MailId} was sent, but its claim had run out before the outcome was recorded", mail.Id);
        }
    }

    private async Task QueueDigestsAsync(CancellationToken ct)
    {
        try
        {
            await using var scope = scopes.CreateAsyncScope();
            var digests = scope.ServiceProvider.GetRequiredService<MessageDigests>();
            var time = scope.ServiceProvider.GetRequiredService<SiteTime>();
            var queued = await digests.QueueDueAsync(TimeSpan.FromMinutes(options.Value.DigestMinutes), site.Value.Name, SiteUrl(), time.Display, ct);
            if (queued > 0)
            {
                log.LogInformation("Queued {Count} message digests", queued);
            }
        }
        catch (Exception ex) when (ex is not OperationCanceledException || !ct.IsCancellationRequested)
        {
            log.LogError(ex, "Message digests could not be queued");
        }
    }

    private string SiteUrl() => string.IsNullOrEmpty(site.Value.BaseUrl) ? "" : site.Value.BaseUrl.TrimEnd('/');
}
