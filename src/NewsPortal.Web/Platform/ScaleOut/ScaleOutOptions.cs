using System.ComponentModel.DataAnnotations;
using System.Net;

namespace NewsPortal.Web.Platform.ScaleOut;

/// <summary>
/// Redis shared by every web instance. Bound from the "Redis" section. Empty <see cref="Configuration"/>
/// keeps the single-node defaults: output cache in memory, data-protection keys on disk.
/// </summary>
public sealed class RedisOptions
{
    public const string Section = "Redis";

    /// <summary>A StackExchange.Redis configuration string, e.g. "redis:6379" or "redis:6379,password=...".</summary>
    public string? Configuration { get; set; }

    /// <summary>Prefix of every key the portal writes, so several sites can share one Redis.</summary>
    [Required, StringLength(100, MinimumLength = 1)]
    public string InstanceName { get; set; } = "NewsPortal:";

    /// <summary>How long one Redis call may take before Redis is taken as down (milliseconds).</summary>
    [Range(50, 10_000)]
    public int OperationTimeoutMilliseconds { get; set; } = 1000;

    /// <summary>While Redis is down, how often it is tried again (seconds).</summary>
    [Range(1, 300)]
    public int RetrySeconds { get; set; } = 5;

    public bool Enabled => !string.IsNullOrWhiteSpace(Configuration);
}

/// <summary>Where the data-protection key ring lives when Redis is not configured. Bound from "DataProtection".</summary>
public sealed class KeyRingOptions
{
    public const string Section = "DataProtection";

    /// <summary>A folder for the key ring; a relative path is taken from the content root.</summary>
    [Required]
    public string KeysFolder { get; set; } = "data/keys";
}

/// <summary>
/// Reverse proxies whose X-Forwarded-For and X-Forwarded-Proto headers are believed. Bound from
/// "ForwardedHeaders". Empty by default: without a listed proxy those headers are ignored, because
/// anyone can send them.
/// </summary>
public sealed class ProxyOptions : IValidatableObject
{
    public const string Section = "ForwardedHeaders";

    /// <summary>Addresses of the proxies, e.g. "10.0.0.5".</summary>
    public List<string> KnownProxies { get; set; } = [];

    /// <summary>Networks of the proxies in CIDR notation, e.g. "172.28.0.0/16".</summary>
    public List<string> KnownNetworks { get; set; } = [];

    public bool Enabled => KnownProxies.Count > 0 || KnownNetworks.Count > 0;

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        foreach (var proxy in KnownProxies.Where(p => !IPAddress.TryParse(p, out _)))
        {
            yield return new ValidationResult($"ForwardedHeaders:KnownProxies has '{proxy}', which is not an IP address.");
        }

        foreach (var network in KnownNetworks.Where(n => !IPNetwork.TryParse(n, out _)))
        {
            yield return new ValidationResult($"ForwardedHeaders:KnownNetworks has '{network}', which is not a network such as 172.28.0.0/16.");
        }
    }
}
