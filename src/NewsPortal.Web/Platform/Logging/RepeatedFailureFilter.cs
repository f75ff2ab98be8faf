using System.Collections.Concurrent;
using Serilog.Core;
using Serilog.Events;

namespace NewsPortal.Web.Platform.Logging;

/// <summary>
/// Keeps an outage from flooding the log: a failure (an error, or any event with an exception) is written the
/// first time in each interval; the same failure again (same source and message template) is counted, and the
/// count is written as one line when the interval ends ("... 3,512 more times in the last 60 s").
/// </summary>
public sealed class RepeatedFailureFilter : ILogEventFilter, IDisposable
{
    private readonly ConcurrentDictionary<string, Window> _windows = new(StringComparer.Ordinal);
    private readonly TimeSpan _interval;
    private readonly Func<Microsoft.Extensions.Logging.ILogger> _summaries;
    private readonly Timer _timer;

    /// <param name="interval">How long a failure is counted instead of written after it was written once.</param>
    /// <param name="summaries">Where the counts are written (resolved when the first count is due).</param>
    public RepeatedFailureFilter(TimeSpan interval, Func<Microsoft.Extensions.Logging.ILogger> summaries)
    {
        _interval = interval;
        _summaries = summaries;
        _timer = new Timer(_ => SummariseOnTimer(), null, interval, interval);
    }

    public bool IsEnabled(LogEvent logEvent)
    {
        if (logEvent.Level < LogEventLevel.Error && logEvent.Exception is null)
        {
            return true;
        }

        var source = logEvent.Properties.TryGetValue("SourceContext", out var context) ? context.ToString() : "";
        var key = source + "|" + logEvent.MessageTemplate.Text + "|" + logEvent.Exception?.GetType().FullName;
        var now = DateTimeOffset.UtcNow;
        var window = _windows.GetOrAdd(key, _ => new Window(logEvent.MessageTemplate.Text));
        lock (window)
        {
            if (window.Until is { } until && now < until)
            {
                window.Suppressed++;
                return false;
            }

            window.Until = now + _interval;
            return true;
        }
    }

    public void Dispose()
    {
        _timer.Dispose();
        try
        {
            Summarise(force: true);
        }
        catch (ObjectDisposedException)
        {
            // Stopped already.
        }
    }

    private void SummariseOnTimer()
    {
        try
        {
            Summarise(force: false);
        }
        catch (ObjectDisposedException)
        {
            // The application has stopped: nothing is left to write to.
            _timer.Dispose();
        }
    }

    private void Summarise(bool force)
    {
        var now = DateTimeOffset.UtcNow;
        foreach (var (key, window) in _windows)
        {
            int suppressed;
            lock (window)
            {
                if (!force && window.Until is { } until && now < until)
                {
                    continue;
                }

                suppressed = window.Suppressed;
                window.Suppressed = 0;
                if (suppressed == 0)
                {
                    _windows.TryRemove(key, out _);
                    continue;
                }

                // The counted failures reopen the window, so a failure that goes on is written again at most once an interval.
                window.Until = null;
            }

            Microsoft.Extensions.Logging.LoggerExtensions.LogWarning(_summaries(),
                "Repeated failure not written again: \"{Template}\" {Count} more times in the last {Seconds} s",
                window.Template, suppressed, (int)_interval.TotalSeconds);
        }
    }

    private sealed class Window(string template)
    {
        public string Template { get; } = template;

        public DateTimeOffset? Until { get; set; }

        public int Suppressed { get; set; }
    }
}
