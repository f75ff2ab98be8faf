namespace NewsPortal.Core.Articles.Import;

/// <summary>Bounds on front matter, checked before the YAML parser sees it.</summary>
public static partial class FrontMatter
{
    /// <summary>More than enough for every field with long lists of tags and authors.</summary>
    public const int MaxFrontMatterChars = 64 * 1024;

    public const int MaxNesting = 16;

    /// <summary>The deepest nesting of flow brackets ([ and {) or of indentation steps, outside quoted text.</summary>
    private static int NestingDepth(string yaml)
    {
        int depth = 0, deepest = 0;
        char? quote = null;
        foreach (var c in yaml)
        {
            if (quote is { } open)
            {
                quote = c == open ? null : open;
            }
            else if (c is '"' or '\'')
            {
                quote = c;
            }
            else if (c is '[' or '{')
            {
                deepest = Math.Max(deepest, ++depth);
            }
            else if (c is ']' or '}')
            {
                depth = Math.Max(0, depth - 1);
            }
            else if (c == '\n')
            {
                quote = null;
            }
        }

        var indents = yaml.Split('\n').Select(line => line.Length - line.TrimStart(' ').Length).Where(i => i > 0).Distinct().Count();
        return Math.Max(deepest, indents);
    }
}
