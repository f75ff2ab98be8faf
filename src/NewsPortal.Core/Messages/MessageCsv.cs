using System.Text;

namespace NewsPortal.Core.Messages;

/// <summary>One exported message.</summary>
public sealed record MessageExportRow(
    string Reference, string Received, MessageStatus Status, string Name, string Email, string Subject, string Body, string Notes, string? SpamReason);

/// <summary>
/// Writes messages as CSV that is safe to open in a spreadsheet: every cell quoted (RFC 4180), and any cell
/// that a spreadsheet would read as a formula (starting with = + - @, a tab or a carriage return) prefixed
/// with an apostrophe so it is shown as text and never run.
/// </summary>
public static class MessageCsv
{
    /// <summary>UTF-8 without a byte order mark of its own; <see cref="WriteAsync"/> writes the mark, which spreadsheet apps need to read UTF-8.</summary>
    public static readonly Encoding Encoding = new UTF8Encoding(encoderShouldEmitUTF8Identifier: false);

    private static readonly string[] Header = ["Reference", "Received", "Status", "Name", "Email", "Subject", "Message", "Notes", "Spam reason"];

    public static async Task WriteAsync(TextWriter writer, IAsyncEnumerable<MessageExportRow> rows, CancellationToken ct = default)
    {
        await writer.WriteAsync('\uFEFF');
        await writer.WriteAsync(Line(Header));
        await foreach (var row in rows.WithCancellation(ct))
        {
            await writer.WriteAsync(Line([row.Reference, row.Received, row.Status.ToString(), row.Name, row.Email, row.Subject, row.Body, row.Notes, row.SpamReason ?? ""]));
        }
    }

    public static string Line(IEnumerable<string> cells) => string.Join(',', cells.Select(Cell)) + "\r\n";

    /// <summary>One quoted cell, neutralised if a spreadsheet would treat it as a formula.</summary>
    public static string Cell(string? value)
    {
        value ??= "";
        if (value.Length > 0 && value[0] is '=' or '+' or '-' or '@' or '\t' or '\r')
        {
            value = "'" + value;
        }

        return "\"" + value.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"";
    }
}
