using System.Globalization;
using Microsoft.Extensions.Localization;
using NewsPortal.Core.Text;

namespace NewsPortal.Web.Platform.Localization;

/// <summary>
/// Shows a <see cref="ReaderText"/> in the request's language: its format and any label in it are looked up in the
/// interface's resources (the English text is the key), and its numbers are written in the request's culture.
/// </summary>
public static class ReaderTexts
{
    public static string Localize(this IStringLocalizer text, ReaderText message) =>
        message.Render(CultureInfo.CurrentCulture, key => text[key].Value);
}
