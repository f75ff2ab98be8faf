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

    /// <summary>
    /// Memory for the data reader pages are rendered from (<see cref="ReaderData"/>), in kilobytes as measured
    /// by the text held; 0 reads the database for every page the output cache does not hold.
    /// </summary>
    [Range(0, 4_194_304)]
    public int DataKilobytes { get; set; } = 32_768;

    /// <summary>How often counted article views are written to the database.</summary>
    [Range(1, 3_600)]
    public int ViewFlushSeconds { get; set; } = 10;
}
