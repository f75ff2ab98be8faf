using NewsPortal.Core.Articles.Editing;

namespace NewsPortal.UnitTests.Articles.Editing;

public sealed class ComparingRevisions
{
    private static string Render(IEnumerable<DiffLine> lines) =>
        string.Join("|", lines.Select(l => (l.Kind switch { DiffKind.Added => "+", DiffKind.Removed => "-", _ => " " }) + l.Text));

    [Fact]
    public void Identical_texts_have_only_unchanged_lines()
    {
        var diff = LineDiff.Compare("a\nb\nc", "a\nb\nc");

        Assert.All(diff, l => Assert.Equal(DiffKind.Same, l.Kind));
        Assert.Equal(3, diff.Count);
    }

    [Fact]
    public void A_changed_line_shows_as_removed_then_added_in_place()
    {
        Assert.Equal(" a|-b|+B| c", Render(LineDiff.Compare("a\nb\nc", "a\nB\nc")));
    }

    [Fact]
    public void Added_and_removed_lines_anywhere_are_found_with_the_rest_unchanged()
    {
        Assert.Equal("+zero| one|-two| three|+four", Render(LineDiff.Compare("one\ntwo\nthree", "zero\none\nthree\nfour")));
    }

    [Fact]
    public void Windows_line_endings_do_not_count_as_changes()
    {
        Assert.All(LineDiff.Compare("a\r\nb", "a\nb"), l => Assert.Equal(DiffKind.Same, l.Kind));
    }

    [Fact]
    public void Empty_texts_compare_to_all_added_or_all_removed()
    {
        Assert.Equal("+x|+y", Render(LineDiff.Compare("", "x\ny")));
        Assert.Equal("-x|-y", Render(LineDiff.Compare("x\ny", null)));
    }

    [Fact]
    public void Very_long_texts_are_compared_without_running_out_of_memory()
    {
        var before = string.Join('\n', Enumerable.Range(0, 5000).Select(i => $"line {i}"));
        var after = string.Join('\n', Enumerable.Range(0, 5000).Select(i => $"other {i}"));

        var diff = LineDiff.Compare(before, after);

        Assert.Equal(5000, diff.Count(l => l.Kind == DiffKind.Removed));
        Assert.Equal(5000, diff.Count(l => l.Kind == DiffKind.Added));
    }
}
