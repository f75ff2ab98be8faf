using NewsPortal.Core.Messages;
using NewsPortal.Web.Platform.MiddlewarePages;

namespace NewsPortal.Web.Features.Messages;

/// <summary>
/// The "Leaving a message" form at /message. GET shows the form. POST checks the antiforgery token and the
/// message rules, and either shows the form again with what the reader typed and what to fix (422; a missing
/// or invalid token answers 400 with the form and a fresh token), or stores the message and answers 303 to the
/// thank-you page with its reference. The message is committed before that answer is sent. A filled-in
/// honeypot field files the message as spam; the sender sees the same thank-you page.
/// Nothing a reader typed is logged.
/// </summary>
public sealed class MessageFormMiddleware(RequestDelegate next, ILogger<MessageFormMiddleware> log)
{
    public const string Path = "/message";

    /// <summary>A field people never see (hidden by the stylesheet, with a label telling anyone who does to leave it empty).</summary>
    public const string HoneypotField = "website";

    public const string ThanksPath = "/message/thanks";

    private const string ViewPath = "/Features/Messages/MessageForm.cshtml";

    // Generous for 5,000 characters of Chinese text, percent-encoded (9 bytes a character).
    private static readonly FormLimits Limits = new(MaxBytes: 128 * 1024, MaxFields: 32, MaxKeyLength: 128);

    public static bool Handles(PathString path) => MiddlewarePage.Matches(path, Path);

    public Task InvokeAsync(HttpContext context) =>
        !Handles(context.Request.Path)
            ? next(context)
            : MiddlewarePage.DispatchAsync(context, next,
                get: context => MiddlewarePage.RenderAsync(context, ViewPath, MessageFormView.Empty),
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
                $"We could not read what was sent. If your message is very long, please shorten it to {MessageLimits.Body:N0} characters; "
                + "if you pasted it from elsewhere, it may hold characters that cannot be part of a message. Then try again.",
                Path, "Back to the message form"));
            return;
        }

        var check = MessageRules.Check(new MessageInput(form[MessageRules.NameField], form[MessageRules.EmailField], form[MessageRules.SubjectField], form[MessageRules.BodyField]));
        if (!await MiddlewarePage.AntiforgeryHoldsAsync(context))
        {
            log.LogWarning("Message form refused: antiforgery token missing or invalid");
            await MiddlewarePage.RenderAsync(context, ViewPath, new MessageFormView(check.Message, new Dictionary<string, string>(),
                "Your message was not sent, because we could not confirm that the form came from this site (it may have been open for a long time). Please check it below and send it again."),
                StatusCodes.Status400BadRequest);
            return;
        }

        if (!check.IsValid)
        {
            log.LogInformation("Message form returned for correction: {Fields}", string.Join(", ", check.Errors.Keys));
            await MiddlewarePage.RenderAsync(context, ViewPath, new MessageFormView(check.Message, check.Errors), StatusCodes.Status422UnprocessableEntity);
            return;
        }

        var spamReason = string.IsNullOrWhiteSpace(form[HoneypotField]) ? null : "The hidden honeypot field was filled in, as automated senders do.";
        var reference = await inbox.SubmitAsync(check.Message, spamReason, context.RequestAborted);
        if (spamReason is null)
        {
            log.LogInformation("Message {Reference} received", reference);
        }
        else
        {
            log.LogWarning("Message {Reference} filed as spam: honeypot field filled", reference);
        }

        MiddlewarePage.SeeOther(context, $"{ThanksPath}?ref={Uri.EscapeDataString(reference)}");
    }
}
