using System.Collections.Concurrent;
using System.Security.Cryptography;
using System.Text;
using System.Text.RegularExpressions;

namespace NewsPortal.Web.Platform.Caching;

/// <summary>
/// Decides which article views "Most read" counts: at most one per reader per article in each window of
/// <see cref="Window"/>, and none from crawlers, link previewers or scripts that do not say what they are (no
/// User-Agent). A reader is their address and browser, but neither is kept: only a keyed hash (HMAC-SHA256 under a
/// random key that lives in memory) of address, browser and article, and the key and the hashes are thrown away
/// after two windows. Nothing is written to disk or the database, and nobody (the server included) can turn a hash
/// back into an address. Each instance remembers its own readers, so behind a load balancer a reader may count
/// once per instance.
/// </summary>
public sealed partial class DistinctReaderViews(TimeProvider clock)
{
    public static readonly TimeSpan Window = TimeSpan.FromMinutes(30);

    /// <summary>The most (reader, article) pairs remembered per window; past it, views are counted without the check rather than refused.</summary>
    public const int MaxRemembered = 500_000;

    private readonly Lock _rotation = new();
    private Generation? _current;
    private Generation? _previous;

    /// <summary>True when this view of <paramref name="slug"/> is to be counted.</summary>
    public bool Counts(HttpContext context, string slug)
    {
        var agent = context.Request.Headers.UserAgent.ToString();
        if (agent.Length == 0 || IsCrawler(agent))
        {
            return false;
        }

        var reader = $"{context.Connection.RemoteIpAddress}\n{agent}\n{slug}";
        var (current, previous) = Generations();
        if (previous is not null && previous.Seen.ContainsKey(previous.Key(reader)))
        {
            return false;
        }

        return current.Seen.Count >= MaxRemembered || current.Seen.TryAdd(current.Key(reader), 0);
    }

    /// <summary>Search engines, feed readers, link previewers, monitors and HTTP libraries, by their User-Agent.</summary>
    public static bool IsCrawler(string userAgent)
    {
        try
        {
            return CrawlerPattern().IsMatch(userAgent);
        }
        catch (RegexMatchTimeoutException)
        {
            // Only a starved machine takes that long on this pattern; a view not counted is the safe answer.
            return true;
        }
    }

    private (Generation Current, Generation? Previous) Generations()
    {
        var now = clock.GetUtcNow();
        lock (_rotation)
        {
            if (_current is null || now - _current.Started >= Window * 2)
            {
                _previous = null;
                _current = new Generation(now);
            }
            else if (now - _current.Started >= Window)
            {
                _previous = _current;
                _current = new Generation(now);
            }

            return (_current, _previous);
        }
    }

    [GeneratedRegex(@"bot\b|bot/|crawl|spider|slurp|archiver|facebookexternalhit|embedly|preview|monitor|uptime|pingdom|lighthouse|headless|curl/|wget/|python|httpclient|http-client|okhttp|go-http|java/|libwww|scrapy|node-fetch|axios|feed|rss|^wrk|apachebench|\bab/", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant, matchTimeoutMilliseconds: 100)]
    private static partial Regex CrawlerPattern();

    private sealed class Generation(DateTimeOffset started)
    {
        private readonly byte[] _key = RandomNumberGenerator.GetBytes(32);

        public DateTimeOffset Started { get; } = started;

        public ConcurrentDictionary<Guid, byte> Seen { get; } = new();

        public Guid Key(string reader) => new(HMACSHA256.HashData(_key, Encoding.UTF8.GetBytes(reader)).AsSpan(0, 16));
    }
}
