using System.Globalization;
using Microsoft.Extensions.Options;
using NewsPortal.Core.Messages;
using NewsPortal.Core.Text;
using NewsPortal.Web.Features.Consent;
using NewsPortal.Web.Features.Mail;
using NewsPortal.Web.Platform.Data;
using NewsPortal.Web.Platform.MiddlewarePages;
using NewsPortal.Web.Platform.Site;

namespace NewsPortal.Web.Features.Messages;

/// <summary>
/// The "Leaving a message" form at /message. GET shows the form. POST checks the antiforgery token and the
/// message rules, and either shows the form again with what the reader typed and what to fix (422; a missing
/// or invalid token answers 400 with the form and a fresh token), or stores the message and answers 303 to the
/// thank-you page with its reference. The message is committed before that answer is sent. A filled-in
/// honeypot field, or a form sent sooner than <see cref="MessagesOptions.MinimumFillSeconds"/> after it was shown,
/// files the message as spam; the sender sees the same thank-you page. Only accepted messages count towards the
/// client's limit (<see cref="AcceptedMessageLimit"/>); past it, the form comes back with what was typed (429).
/// The cookie banner's buttons on this page belong to this form (<see cref="ConsentField"/>): pressing one records
/// the choice and shows the form again with everything typed. Nothing a reader typed is logged.
/// </summary>
public sealed class MessageFormMiddleware(
    RequestDelegate next, FormStamp stamp, AcceptedMessageLimit limit, IOptions<MessagesOptions> options,
    IOptions<SiteOptions> site, IOptions<MailOptions> mail, OutboxSignal outbox, ILogger<MessageFormMiddleware> log)
{
    public const string Path = "/message";

    /// <summary>A field people never see (hidden by the stylesheet, with a label telling anyone who does to leave it empty).</summary>
    public const string HoneypotField = "website";

    public const string ThanksPath = "/message/thanks";

    /// <summary>The checkbox asking for a copy by email.</summary>
    public const string CopyField = "copy";

    /// <summary>The cookie banner's buttons on this page ("accept" or "reject"), which submit this form.</summary>
    public const string ConsentField = "consent";

    private const string ViewPath = "/Features/Messages/MessageForm.cshtml";

    /// <summary>What a reader is told when the message could not be stored (database down, disk full).</summary>
    public const string NotStored = "We could not store your message just now because of a problem on our side. "
        + "Nothing was sent. What you typed is still below: please send it again in a few minutes.";

    /// <summary>What a reader is told when the form could not be read; {0} is the longest message.</summary>
    public const string Unreadable = "We could not read what was sent. If your message is very long, please shorten it to {0} characters; "
        + "if you pasted it from elsewhere, it may hold characters that cannot be part of a message. Then try again.";

    /// <summary>What a reader is told past the limit of accepted messages: wait a minute, or {0} minutes.</summary>
    public const string TooManyOneMinute = "Too many messages have been sent from your network in a short time. Your message is kept below: please wait 1 minute and send it again.";

    public const string TooManyMinutes = "Too many messages have been sent from your network in a short time. Your message is kept below: please wait {0} minutes and send it again.";

    private const int RetryAfterSeconds = 120;

    // Generous for 5,000 characters of Chinese text, percent-encoded (9 bytes a character).
    private static readonly FormLimits Limits = new(MaxBytes: 128 * 1024, MaxFields: 32, MaxKeyLength: 128);

    public static bool Handles(PathString path) => MiddlewarePage.Matches(path, Path);

    public Task InvokeAsync(HttpContext context) =>
        !Handles(context.Request.Path)
            ? next(context)
            : MiddlewarePage.DispatchAsync(context, next,
                get: context => MiddlewarePage.RenderAsync(context, ViewPath, MessageFormView.Empty(stamp.Issue())),
                // Resolved only here, not as an InvokeAsync parameter, so other pages do not borrow a database context.
                post: context => ReceiveAsync(context, context.RequestServices.GetRequiredService<MessageInbox>()));

    private async Task ReceiveAsync(HttpContext context, MessageInbox inbox)
    {
        var form = await MiddlewarePage.ReadFormAsync(context, Limits, log);
        if (form is null)
        {
            log.LogWarning("Message form refused: the request was not a readable form of acceptable size");
            await MiddlewarePage.RefuseAsync(context, StatusCodes.Status400BadRequest, new RefusalPage(
                "Message not sent",
                ReaderText.Of(Unreadable, MessageLimits.Body),
                Path, "Back to the message form"));
            return;
        }

        var check = MessageRules.Check(new MessageInput(form[MessageRules.NameField], form[MessageRules.EmailField], form[MessageRules.SubjectField], form[MessageRules.BodyField]));
        var copy = form[CopyField] == "yes";
        var sentStamp = form[FormStamp.Field].ToString();
        var started = stamp.Elapsed(sentStamp) is null ? stamp.Issue() : sentStamp;

        MessageFormView Again(IReadOnlyDictionary<string, ReaderText>? errors = null, ReaderText? problem = null) =>
            new(check.Message, errors ?? new Dictionary<string, ReaderText>(), problem, copy, started);
        if (!await MiddlewarePage.AntiforgeryHoldsAsync(context))
        {
            log.LogWarning("Message form refused: antiforgery token missing or invalid");
            await MiddlewarePage.RenderAsync(context, ViewPath, Again(problem:
                "Your message was not sent, because we could not confirm that the form came from this site (it may have been open for a long time). Please check it below and send it again."),
                StatusCodes.Status400BadRequest);
            return;
        }

        if (ConsentRecorder.Parse(form[ConsentField]) is { } choice)
        {
            // A cookie choice made on this page: recorded, and the form shown again with everything typed, unsent.
            await context.RequestServices.GetRequiredService<ConsentRecorder>().RecordAsync(context, choice);
            log.LogInformation("Cookie choice recorded from the message form: {Choice}", choice);
            await MiddlewarePage.RenderAsync(context, ViewPath, Again());
            return;
        }

        if (!check.IsValid)
        {
            log.LogInformation("Message form returned for correction: {Fields}", string.Join(", ", check.Errors.Keys));
            await MiddlewarePage.RenderAsync(context, ViewPath, Again(check.Problems), StatusCodes.Status422UnprocessableEntity);
            return;
        }

        var (allowed, retryAfter) = limit.TryTake(context);
        if (!allowed)
        {
            var minutes = Math.Max(1, (int)Math.Ceiling((retryAfter ?? TimeSpan.FromMinutes(1)).TotalMinutes));
            if (retryAfter is { } wait)
            {
                context.Response.Headers.RetryAfter = ((int)Math.Ceiling(wait.TotalSeconds)).ToString(CultureInfo.InvariantCulture);
            }

            log.LogWarning("Message form refused: the client's limit of accepted messages is reached");
            await MiddlewarePage.RenderAsync(context, ViewPath, Again(problem: minutes == 1 ? TooManyOneMinute : ReaderText.Of(TooManyMinutes, minutes)),
                StatusCodes.Status429TooManyRequests);
            return;
        }

        var spamReason = SpamReason(form, sentStamp);
        string reference;
        try
        {
            reference = await inbox.SubmitAsync(check.Message, spamReason, copy ? new CopyRequest(site.Value.Name, mail.Value.IsConfigured) : null, context.RequestAborted);
        }
        catch (Exception ex) when (!context.RequestAborted.IsCancellationRequested && StorageFailures.IsStorageFailure(ex))
        {
            // Nothing was stored: the reader gets the form back with what they typed, and is told to try again.
            log.LogError("Message could not be stored: {Error}", ex.Message);
            context.Response.Headers.RetryAfter = RetryAfterSeconds.ToString(CultureInfo.InvariantCulture);
            await MiddlewarePage.RenderAsync(context, ViewPath, Again(problem: NotStored), StatusCodes.Status503ServiceUnavailable);
            return;
        }

        if (copy && spamReason is null)
        {
            outbox.Wake();
        }

        if (spamReason is null)
        {
            log.LogInformation("Message {Reference} received", reference);
        }
        else
        {
            log.LogWarning("Message {Reference} filed as spam: {Reason}", reference, spamReason);
        }

        MiddlewarePage.SeeOther(context, $"{context.Request.PathBase}{ThanksPath}?ref={Uri.EscapeDataString(reference)}");
    }

    /// <summary>Why the message looks automated (the honeypot was filled in, or the form was sent too fast), or null.</summary>
    private string? SpamReason(IFormCollection form, string started)
    {
        if (!string.IsNullOrWhiteSpace(form[HoneypotField]))
        {
            return "The hidden honeypot field was filled in, as automated senders do.";
        }

        var minimum = options.Value.MinimumFillSeconds;
        if (minimum <= 0)
        {
            return null;
        }

        return stamp.Elapsed(started) switch
        {
            null => "The form's signed start time was missing or altered.",
            { } elapsed when elapsed.TotalSeconds < minimum => string.Create(CultureInfo.InvariantCulture, $"Sent {elapsed.TotalSeconds:0.0} seconds after the form was shown, faster than people type."),
            _ => null,
        };
    }
}
