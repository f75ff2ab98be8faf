using System.ComponentModel.DataAnnotations;

namespace NewsPortal.Web.Platform.Caching;

/// <summary>Reader page caching. Bound from the "OutputCache" section.</summary>
public sealed class CachingOptions
{
    public const string Section = "OutputCache";

    /// <summary>Cache anonymous reader pages on the server. Off only to measure the uncached cost.</summary>
    public bool Enabled { get; set; } = true;

    /// <summary>How long a cached page may live; publishing evicts it sooner.</summary>
    [Range(1, 86_400)]
    public int DurationSeconds { get; set; } = 600;

    /// <summary>How often counted article views are written to the database.</summary>
    [Range(1, 3_600)]
    public int ViewFlushSeconds { get; set; } = 10;
}
