using System.Globalization;
using NewsPortal.Core.Messages;

namespace NewsPortal.Core.Statistics;

/// <summary>
/// The dashboard's figures as one CSV table (figure, item, series, value), each cell made safe for spreadsheet apps
/// the way the message export does it.
/// </summary>
public static class FiguresCsv
{
    public static string Write(FiguresSnapshot f, Func<DateTime, string> localTime)
    {
        var lines = new List<string> { MessageCsv.Line(["Figure", "Item", "Series", "Value"]) };
        void Add(string figure, string item, string series, string value) => lines.Add(MessageCsv.Line([figure, item, series, value]));
        static string Day(DateOnly d) => d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        static string N(long n) => n.ToString(CultureInfo.InvariantCulture);

        foreach (var d in f.ViewsPerDay)
        {
            Add("Views per day", Day(d.Day), "views", N(d.Count));
        }

        foreach (var (name, list) in new[] { ("Most read today", f.MostReadToday), ("Most read this week", f.MostReadWeek), ("Most read this month", f.MostReadMonth) })
        {
            foreach (var a in list)
            {
                Add(name, a.Headline, "views", N(a.Views));
            }
        }

        foreach (var section in f.PublishedPerDay)
        {
            foreach (var d in section.Days)
            {
                Add("Published per day", Day(d.Day), section.Section, N(d.Count));
            }
        }

        foreach (var d in f.MessagesPerDay)
        {
            Add("Messages per day", Day(d.Day), "received", N(d.Received));
            Add("Messages per day", Day(d.Day), "handled", N(d.Handled));
        }

        foreach (var a in f.Scheduled)
        {
            Add("Scheduled", a.Headline, "goes live", a.At is { } at ? localTime(at) : "");
        }

        foreach (var a in f.WaitingForReview)
        {
            Add("Waiting for review", a.Headline, a.Owner ?? "", a.At is { } at ? localTime(at) : "");
        }

        foreach (var q in f.TopSearches)
        {
            Add("Top searches", q.Query, "searches", N(q.Count));
        }

        foreach (var q in f.FoundNothing)
        {
            Add("Searches that found nothing", q.Query, "searches", N(q.Count));
        }

        return string.Concat(lines);
    }
}
