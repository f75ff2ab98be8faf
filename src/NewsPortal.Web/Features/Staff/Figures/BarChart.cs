using System.Globalization;
using Microsoft.Extensions.Localization;
using NewsPortal.Core.Statistics;
using NewsPortal.Web.Platform.Site;

namespace NewsPortal.Web.Features.Staff.Figures;

/// <summary>One bar of a chart, in the chart's own units (a viewBox of <see cref="BarChart.Width"/> by <see cref="BarChart.Height"/>).</summary>
public sealed record Bar(double X, double Y, double W, double H, int Series, string Title);

/// <summary>A label under (or beside) the bars.</summary>
public sealed record AxisLabel(double X, double Y, string Text);

/// <summary>
/// A bar chart drawn on the server as inline SVG: no script, no inline style (colours come from the series'
/// classes in staff.css), so the Content-Security-Policy stays as it is. Every chart has a table beside it with the
/// same figures, which is what screen readers read.
/// </summary>
public sealed record BarChart(string Id, string Title, IReadOnlyList<string> Series, IReadOnlyList<Bar> Bars, IReadOnlyList<AxisLabel> Labels, long Max)
{
    public const double Width = 600;
    public const double Height = 220;
    private const double Left = 36;
    private const double Bottom = 24;
    private const double Top = 8;

    public static string F(double v) => v.ToString("0.##", CultureInfo.InvariantCulture);

    /// <summary>Bars per day; several series side by side, or stacked when <paramref name="stacked"/>.</summary>
    public static BarChart Days(string id, string title, IReadOnlyList<DateOnly> days, IReadOnlyList<(string Name, IReadOnlyList<long> Values)> series, bool stacked)
    {
        var max = Math.Max(1, stacked
            ? Enumerable.Range(0, days.Count).Select(i => series.Sum(s => s.Values[i])).DefaultIfEmpty(0).Max()
            : series.SelectMany(s => s.Values).DefaultIfEmpty(0).Max());
        var plot = Height - Bottom - Top;
        var slot = (Width - Left) / Math.Max(1, days.Count);
        var bars = new List<Bar>();
        var labels = new List<AxisLabel>();
        for (var i = 0; i < days.Count; i++)
        {
            var x = Left + (i * slot);
            double stack = 0;
            for (var s = 0; s < series.Count; s++)
            {
                var value = series[s].Values[i];
                var h = value * plot / max;
                var title2 = $"{SiteTime.DayMonthOf(days[i])}, {series[s].Name}: {value.ToString(CultureInfo.InvariantCulture)}";
                if (stacked)
                {
                    bars.Add(new Bar(x + 1, Top + plot - stack - h, slot - 2, h, s, title2));
                    stack += h;
                }
                else
                {
                    var w = (slot - 2) / series.Count;
                    bars.Add(new Bar(x + 1 + (s * w), Top + plot - h, w, h, s, title2));
                }
            }

            if (i % 5 == 0 || i == days.Count - 1)
            {
                labels.Add(new AxisLabel(x + (slot / 2), Height - 6, SiteTime.DayMonthOf(days[i])));
            }
        }

        return new BarChart(id, title, series.Select(s => s.Name).ToList(), bars, labels, max);
    }

    /// <summary>Horizontal bars for a ranked list, numbered as in the table beside it.</summary>
    public static BarChart Ranked(string id, string title, IReadOnlyList<(string Name, long Value)> items)
    {
        var max = Math.Max(1, items.Select(i => i.Value).DefaultIfEmpty(0).Max());
        var row = (Height - Top) / Math.Max(5, items.Count);
        var bars = new List<Bar>();
        var labels = new List<AxisLabel>();
        for (var i = 0; i < items.Count; i++)
        {
            var y = Top + (i * row);
            var w = items[i].Value * (Width - Left - 8) / max;
            bars.Add(new Bar(Left, y + 2, w, row - 4, 0, $"{items[i].Name}: {items[i].Value.ToString(CultureInfo.InvariantCulture)}"));
            labels.Add(new AxisLabel(Left - 8, y + (row / 2) + 4, (i + 1).ToString(CultureInfo.InvariantCulture)));
        }

        return new BarChart(id, title, [title], bars, labels, max);
    }

    // S: the staff pages' text, for the charts' titles and series in the page's language.
    public static BarChart ViewsPerDay(FiguresSnapshot f, IStringLocalizer S) =>
        Days("views-chart", S["Views per day"].Value, f.ViewsPerDay.Select(d => d.Day).ToList(), [(S["Views"].Value, f.ViewsPerDay.Select(d => d.Count).ToList())], stacked: false);

    public static BarChart PublishedPerDay(FiguresSnapshot f, IStringLocalizer S) =>
        Days("published-chart", S["Articles published per day, by section"].Value, f.ViewsPerDay.Select(d => d.Day).ToList(),
            f.PublishedPerDay.Select(s => (s.Section, (IReadOnlyList<long>)s.Days.Select(d => d.Count).ToList())).ToList(), stacked: true);

    public static BarChart MessagesPerDay(FiguresSnapshot f, IStringLocalizer S) =>
        Days("messages-chart", S["Messages received and handled per day"].Value, f.MessagesPerDay.Select(d => d.Day).ToList(),
            [(S["Received"].Value, f.MessagesPerDay.Select(d => (long)d.Received).ToList()), (S["Handled"].Value, f.MessagesPerDay.Select(d => (long)d.Handled).ToList())], stacked: false);
}
