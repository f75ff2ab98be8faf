using System.Globalization;

namespace NewsPortal.Core.Text;

/// <summary>
/// A sentence shown to readers that holds values (a length, a limit, a number of minutes): its English format with
/// {0}, {1}… (also the key of its translation in the reader interface's resources) and the values put into it. An
/// argument may itself be a <see cref="ReaderText"/> (a field's label), translated in its turn. Numbers are written
/// with group separators in the reader's culture when shown; <see cref="ToString"/> gives the English text.
/// </summary>
public sealed class ReaderText
{
    private ReaderText(string format, object[] arguments)
    {
        Format = format;
        Arguments = arguments;
    }

    public string Format { get; }

    public IReadOnlyList<object> Arguments { get; }

    /// <summary>A sentence with values; <paramref name="format"/> is English with {0}, {1}… where they go.</summary>
    public static ReaderText Of(string format, params object[] arguments) => new(format, arguments);

    /// <summary>A sentence without values.</summary>
    public static implicit operator ReaderText(string text) => new(text, []);

    /// <summary>The text in <paramref name="culture"/>, each argument put through <paramref name="translate"/> first (null: as it is).</summary>
    public string Render(CultureInfo culture, Func<string, string>? translate = null)
    {
        var format = translate?.Invoke(Format) ?? Format;
        if (Arguments.Count == 0)
        {
            return format;
        }

        var values = Arguments.Select(a => (object)Value(a, culture, translate)).ToArray();
        return string.Format(culture, format, values);
    }

    /// <summary>One argument as text: a nested sentence rendered, a whole number with group separators ("5,000").</summary>
    public static string Value(object argument, CultureInfo culture, Func<string, string>? translate = null) => argument switch
    {
        ReaderText text => text.Render(culture, translate),
        int or long or short or byte or uint or ulong or ushort => ((IFormattable)argument).ToString("N0", culture),
        IFormattable formattable => formattable.ToString(null, culture),
        _ => argument.ToString() ?? "",
    };

    /// <summary>The English text.</summary>
    public override string ToString() => Render(CultureInfo.InvariantCulture);
}
