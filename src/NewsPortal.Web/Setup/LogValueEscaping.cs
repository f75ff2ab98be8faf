using System.Globalization;
using System.Text;
using Serilog.Core;
using Serilog.Events;

namespace NewsPortal.Web.Setup;

/// <summary>
/// Escapes control characters in every value a log event carries (the request path and query, a user agent, form
/// values, anything a request brings), as \r, \n, \t or \u001b, along with the Unicode line separators and bidi
/// controls: a value can never start a line of its own in the log or change how the line reads, so a request to
/// "/x%0D%0A2026-12-01 23:59:59.000 +00:00 [INF] Staff sign-in succeeded" cannot forge a log entry. Runs after
/// every other enricher, so it sees the request's and the log context's properties too.
/// </summary>
public sealed class LogValueEscaping : ILogEventEnricher
{
    public void Enrich(LogEvent logEvent, ILogEventPropertyFactory propertyFactory)
    {
        List<LogEventProperty>? changed = null;
        foreach (var (name, value) in logEvent.Properties)
        {
            var escaped = Escape(value);
            if (!ReferenceEquals(escaped, value))
            {
                (changed ??= []).Add(new LogEventProperty(name, escaped));
            }
        }

        foreach (var property in changed ?? [])
        {
            logEvent.AddOrUpdateProperty(property);
        }
    }

    private static LogEventPropertyValue Escape(LogEventPropertyValue value)
    {
        switch (value)
        {
            case ScalarValue { Value: string text }:
                return NeedsEscaping(text) ? new ScalarValue(Escape(text)) : value;
            case ScalarValue { Value: { } other } when other is not (ValueType or Enum):
                // PathString, QueryString, HostString, Uri and the like are written with ToString().
                var written = Convert.ToString(other, CultureInfo.InvariantCulture) ?? "";
                return NeedsEscaping(written) ? new ScalarValue(Escape(written)) : value;
            case SequenceValue sequence:
                var elements = sequence.Elements.Select(Escape).ToList();
                return elements.Where((e, i) => !ReferenceEquals(e, sequence.Elements[i])).Any() ? new SequenceValue(elements) : value;
            case StructureValue structure:
                var properties = structure.Properties.Select(p => new LogEventProperty(Escape(p.Name), Escape(p.Value))).ToList();
                return properties.Where((p, i) => !ReferenceEquals(p.Value, structure.Properties[i].Value) || p.Name != structure.Properties[i].Name).Any()
                    ? new StructureValue(properties, structure.TypeTag)
                    : value;
            case DictionaryValue dictionary:
                var entries = dictionary.Elements.Select(e => new KeyValuePair<ScalarValue, LogEventPropertyValue>((ScalarValue)Escape(e.Key), Escape(e.Value))).ToList();
                return entries.Where((e, i) => !ReferenceEquals(e.Key, dictionary.Elements.ElementAt(i).Key) || !ReferenceEquals(e.Value, dictionary.Elements.ElementAt(i).Value)).Any()
                    ? new DictionaryValue(entries)
                    : value;
            default:
                return value;
        }
    }

    private static bool NeedsEscaping(string text)
    {
        foreach (var c in text)
        {
            if (IsUnsafe(c))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>Control characters (C0, DEL, C1), the line and paragraph separators, and bidi embedding, override and isolate controls.</summary>
    private static bool IsUnsafe(char c) =>
        char.IsControl(c) || c is '\u2028' or '\u2029' or (>= '\u202A' and <= '\u202E') or (>= '\u2066' and <= '\u2069');

    public static string Escape(string text)
    {
        if (!NeedsEscaping(text))
        {
            return text;
        }

        var builder = new StringBuilder(text.Length + 16);
        foreach (var c in text)
        {
            builder.Append(c switch
            {
                '\r' => "\\r",
                '\n' => "\\n",
                '\t' => "\\t",
                _ when IsUnsafe(c) => "\\u" + ((int)c).ToString("x4", CultureInfo.InvariantCulture),
                _ => c.ToString(),
            });
        }

        return builder.ToString();
    }
}
