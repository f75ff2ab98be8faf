using System.Net.Sockets;
using MailKit;
using MailKit.Net.Smtp;
using MailKit.Security;
using Microsoft.Extensions.Options;
using MimeKit;
using NewsPortal.Core.Mail;

namespace NewsPortal.Web.Features.Mail;

/// <summary>Sends one claimed mail through the configured SMTP server with MailKit, as plain text.</summary>
public sealed class MailSender(IOptions<MailOptions> options, TimeProvider clock)
{
    public async Task SendAsync(ClaimedMail mail, CancellationToken ct)
    {
        var o = options.Value;
        var message = new MimeMessage
        {
            Subject = mail.Subject,
            MessageId = mail.MessageIdHeader,
            Date = clock.GetUtcNow(),
            Body = new TextPart("plain") { Text = mail.Body },
        };
        message.From.Add(MailboxAddress.Parse(o.From));
        // The address was checked as one plain address; it is never parsed again as a list or a display name.
        message.To.Add(new MailboxAddress("", mail.To));

        using var client = new SmtpClient { Timeout = o.TimeoutSeconds * 1000 };
        var security = o.Security switch
        {
            MailSecurity.StartTls => SecureSocketOptions.StartTls,
            MailSecurity.SslOnConnect => SecureSocketOptions.SslOnConnect,
            _ => SecureSocketOptions.None,
        };
        await client.ConnectAsync(o.Host!, o.Port, security, ct);
        if (!string.IsNullOrEmpty(o.UserName))
        {
            await client.AuthenticateAsync(o.UserName, o.Password ?? "", ct);
        }

        await client.SendAsync(message, ct);
        try
        {
            await client.DisconnectAsync(quit: true, ct);
        }
        catch (Exception ex) when (ex is IOException or SocketException or ServiceNotConnectedException or OperationCanceledException or ProtocolException)
        {
            // The server has accepted the mail; a failed goodbye changes nothing.
        }
    }

    /// <summary>
    /// Why a send failed, in words staff understand (never a password), and whether trying again can help: a 5xx
    /// refusal of the sender, recipient or message is permanent; everything else is tried again.
    /// </summary>
    public (string Reason, bool Permanent) Describe(Exception ex)
    {
        var server = $"{options.Value.Host}:{options.Value.Port}";
        return ex switch
        {
            SmtpCommandException command => (
                $"the mail server refused the {command.ErrorCode switch { SmtpErrorCode.RecipientNotAccepted => "recipient", SmtpErrorCode.SenderNotAccepted => "sender", _ => "message" }} ({(int)command.StatusCode} {Short(command.Message)})",
                (int)command.StatusCode >= 500),
            AuthenticationException => ($"the mail server at {server} did not accept the user name and password", false),
            SslHandshakeException => ($"no secure connection could be made to the mail server at {server}", false),
            SocketException socket => ($"could not reach the mail server at {server} ({socket.SocketErrorCode})", false),
            SmtpProtocolException or ServiceNotConnectedException or IOException => ($"the connection to the mail server at {server} broke off", false),
            TimeoutException or OperationCanceledException => ($"the mail server at {server} did not answer in time", false),
            NotSupportedException => ($"the mail server at {server} does not support what the Mail settings ask for ({Short(ex.Message)})", false),
            _ => ($"sending failed ({ex.GetType().Name})", false),
        };
    }

    private static string Short(string text)
    {
        var line = text.ReplaceLineEndings(" ").Trim();
        return line.Length > 200 ? line[..200] : line;
    }
}
