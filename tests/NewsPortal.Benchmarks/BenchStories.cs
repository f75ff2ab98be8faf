using NewsPortal.Core.Articles;
using NewsPortal.Core.Markdown;

/// <summary>The generated articles, the same for every database provider.</summary>
internal static class BenchStories
{
    public static readonly (string Name, string Slug)[] Sections =
        [("City", "city"), ("Business", "business"), ("Culture", "culture"), ("Travel", "travel"), ("Science & Tech", "science-tech"), ("Sport", "sport")];

    private static readonly string[] Words = "river bridge market district council metro school park harbour festival museum library hospital factory railway mountain tunnel street garden theatre".Split(' ');
    private const string Cjk = "重庆成渝两地合作越来越紧密城市交通文化旅游经济发展";

    public sealed record Story(string Headline, string Slug, string Standfirst, string Markdown, RenderedMarkdown Rendered,
        DateTime PublishedAt, int SectionId, int ViewCount, int TagId);

    /// <summary>Story <paramref name="i"/> of <paramref name="total"/>: the first <paramref name="count"/> go to the city section (id 1).</summary>
    public static Story Make(int i, int count, int total, DateTime now, Random random, MarkdownRenderer renderer)
    {
        var w = Enumerable.Range(0, 8).Select(_ => Words[random.Next(Words.Length)]).ToArray();
        var body = $"""
            The {w[4]} and the {w[5]} are part of a plan for the {w[6]} near the {w[7]}. {Cjk.Substring(random.Next(Cjk.Length - 6), 6)}

            ## Details

            - The {w[0]} opens next month.
            - The {w[1]} follows.

            > A resident said the {w[2]} matters.

            More about the {w[3]} in the coming weeks, with figures for each district and a timetable for the works.
            """;
        return new Story(
            $"Story {i}: {w[0]} {w[1]} plan for the {w[2]} {w[3]}",
            $"story-{i}-{Slug.From(w[0] + " " + w[1])}",
            $"What the {w[0]} plan means for the {w[2]}.",
            body,
            renderer.Render(body),
            now.AddMinutes(-(total - i) * 7),
            i < count ? 1 : 2 + (i % 5),
            random.Next(1000),
            1 + (i % 50));
    }
}
