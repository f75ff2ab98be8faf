namespace NewsPortal.Core.Data.Changes;

/// <summary>
/// What a committed save changed of what readers see: the articles it touched and the listings they
/// were or are now in, whether policy pages changed, or <see cref="Everything"/> when its reach is not
/// worked out (a section renamed shows in every page's navigation). <see cref="Version"/> is the content
/// version the save moved the database to; <see cref="FromElsewhere"/> says the save was made by another
/// process (another instance, a command, a fix in SQL), so only its version step is known.
/// </summary>
public sealed record ContentChange(
    bool Everything,
    IReadOnlySet<int> Articles,
    IReadOnlySet<int> Sections,
    IReadOnlySet<int> Tags,
    IReadOnlySet<int> Authors,
    bool Policies,
    bool MaterialPolicy,
    long Version)
{
    public bool FromElsewhere { get; init; }

    /// <summary>Special topics whose page, feeds or membership changed (their member articles are in <see cref="Articles"/>).</summary>
    public IReadOnlySet<int> Topics { get; init; } = Empty;

    /// <summary>A change whose reach is unknown: another process's save, a fix made in SQL, a restore.</summary>
    public static ContentChange All(long version) => new(true, Empty, Empty, Empty, Empty, true, true, version);

    private static readonly IReadOnlySet<int> Empty = new HashSet<int>();
}
