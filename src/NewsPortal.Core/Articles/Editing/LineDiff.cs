namespace NewsPortal.Core.Articles.Editing;

public enum DiffKind
{
    Same,
    Removed,
    Added,
}

public sealed record DiffLine(DiffKind Kind, string Text);

/// <summary>A line-by-line difference between two texts (longest common subsequence).</summary>
public static class LineDiff
{
    /// <summary>Above this many line pairs the changed middle is shown as removed-then-added, to bound memory.</summary>
    private const long MaxCells = 4_000_000;

    public static IReadOnlyList<DiffLine> Compare(string? before, string? after)
    {
        var a = Lines(before);
        var b = Lines(after);

        var prefix = 0;
        while (prefix < a.Length && prefix < b.Length && a[prefix] == b[prefix])
        {
            prefix++;
        }

        var suffix = 0;
        while (suffix < a.Length - prefix && suffix < b.Length - prefix && a[^(suffix + 1)] == b[^(suffix + 1)])
        {
            suffix++;
        }

        var result = new List<DiffLine>(a.Length + b.Length);
        for (var i = 0; i < prefix; i++)
        {
            result.Add(new DiffLine(DiffKind.Same, a[i]));
        }

        var oldMiddle = a[prefix..^suffix];
        var newMiddle = b[prefix..^suffix];
        if ((long)oldMiddle.Length * newMiddle.Length > MaxCells)
        {
            result.AddRange(oldMiddle.Select(l => new DiffLine(DiffKind.Removed, l)));
            result.AddRange(newMiddle.Select(l => new DiffLine(DiffKind.Added, l)));
        }
        else
        {
            Middle(oldMiddle, newMiddle, result);
        }

        for (var i = a.Length - suffix; i < a.Length; i++)
        {
            result.Add(new DiffLine(DiffKind.Same, a[i]));
        }

        return result;
    }

    private static void Middle(string[] a, string[] b, List<DiffLine> result)
    {
        // lcs[i, j]: length of the longest common subsequence of a[i..] and b[j..].
        var lcs = new int[a.Length + 1, b.Length + 1];
        for (var i = a.Length - 1; i >= 0; i--)
        {
            for (var j = b.Length - 1; j >= 0; j--)
            {
                lcs[i, j] = a[i] == b[j] ? lcs[i + 1, j + 1] + 1 : Math.Max(lcs[i + 1, j], lcs[i, j + 1]);
            }
        }

        int x = 0, y = 0;
        while (x < a.Length && y < b.Length)
        {
            if (a[x] == b[y])
            {
                result.Add(new DiffLine(DiffKind.Same, a[x]));
                x++;
                y++;
            }
            else if (lcs[x + 1, y] >= lcs[x, y + 1])
            {
                result.Add(new DiffLine(DiffKind.Removed, a[x++]));
            }
            else
            {
                result.Add(new DiffLine(DiffKind.Added, b[y++]));
            }
        }

        while (x < a.Length)
        {
            result.Add(new DiffLine(DiffKind.Removed, a[x++]));
        }

        while (y < b.Length)
        {
            result.Add(new DiffLine(DiffKind.Added, b[y++]));
        }
    }

    private static string[] Lines(string? text) =>
        string.IsNullOrEmpty(text) ? [] : text.Replace("\r\n", "\n", StringComparison.Ordinal).Split('\n');
}
