using NewsPortal.Core.Articles;
using NewsPortal.Core.Articles.Editing;
using NewsPortal.Core.Articles.Import;

namespace NewsPortal.UnitTests.Articles.Import;

public sealed class ReadingFrontMatter
{
    private static readonly TimeZoneInfo Shanghai = TimeZoneInfo.FindSystemTimeZoneById("Asia/Shanghai");
    private static readonly DateTime Now = new(2026, 11, 29, 12, 0, 0, DateTimeKind.Utc);

    private static ArticleDocument Parse(string text)
    {
        var result = FrontMatter.Parse(text, Shanghai);
        Assert.True(result.Document is not null, result.Error);
        return result.Document!;
    }

    private static string Refusal(string text)
    {
        var result = FrontMatter.Parse(text, Shanghai);
        Assert.Null(result.Document);
        return result.Error!;
    }

    [Fact]
    public void Every_field_is_read_from_the_front_matter_and_the_rest_is_the_body()
    {
        var doc = Parse("""
            ---
            headline: "Metro line 27: the airport in 20 minutes"
            slug: metro-line-27
            section: city
            tags: [transport, metro]
            authors:
              - Li Wei
              - Chen Jing
            standfirst: The new line opens on Friday.
            published: 2026-11-29T09:00:00+08:00
            status: published
            source: NewsPortal
            ---
            The **body**.

            More body.
            """);

        Assert.Equal("Metro line 27: the airport in 20 minutes", doc.Headline);
        Assert.Equal("metro-line-27", doc.Slug);
        Assert.Equal("city", doc.Section);
        Assert.Equal(["transport", "metro"], doc.Tags);
        Assert.Equal(["Li Wei", "Chen Jing"], doc.Authors);
        Assert.Equal("The new line opens on Friday.", doc.Standfirst);
        Assert.Equal(new DateTime(2026, 11, 29, 1, 0, 0, DateTimeKind.Utc), doc.PublishedAt);
        Assert.Equal(ArticleStatus.Published, doc.Status);
        Assert.Equal("NewsPortal", doc.Source);
        Assert.Equal("The **body**.\n\nMore body.", doc.Body);
    }

    [Fact]
    public void A_time_without_an_offset_is_in_the_site_time_zone()
    {
        var doc = Parse("---\nheadline: H\nsection: city\npublished: 2026-11-29 09:00\n---\nBody");

        Assert.Equal(new DateTime(2026, 11, 29, 1, 0, 0, DateTimeKind.Utc), doc.PublishedAt);
    }

    [Fact]
    public void Comma_separated_tags_and_a_single_author_are_accepted()
    {
        var doc = Parse("---\nheadline: H\nsection: city\ntags: food, festivals , food\nauthor: Liu Yang\n---\nBody");

        Assert.Equal(["food", "festivals"], doc.Tags);
        Assert.Equal(["Liu Yang"], doc.Authors);
    }

    [Fact]
    public void Without_a_status_an_article_with_a_time_is_published_and_one_without_is_a_draft()
    {
        Assert.Equal(ArticleStatus.Published, Parse("---\nheadline: H\nsection: city\npublished: 2026-11-29\n---\n").Status);
        Assert.Equal(ArticleStatus.Draft, Parse("---\nheadline: H\nsection: city\n---\n").Status);
    }

    [Fact]
    public void Windows_line_endings_and_a_byte_order_mark_are_read_too()
    {
        var doc = Parse("\uFEFF---\r\nheadline: H\r\nsection: city\r\n---\r\nLine one\r\nLine two\r\n");

        Assert.Equal("H", doc.Headline);
        Assert.Equal("Line one\nLine two\n", doc.Body);
    }

    [Theory]
    [InlineData("Just a body, no front matter.", "must start with")]
    [InlineData("---\nheadline: H\nsection: city\nBody without a closing line", "no closing")]
    [InlineData("---\nheadline: [unclosed\nsection: city\n---\n", "bad front matter")]
    [InlineData("---\nsection: city\n---\nBody", "no headline")]
    [InlineData("---\nheadline: H\n---\nBody", "no section")]
    [InlineData("---\nheadline: H\nsection: city\npublished: next tuesday\n---\n", "is not a time")]
    [InlineData("---\nheadline: H\nsection: city\nstatus: live\n---\n", "unknown status")]
    [InlineData("---\nheadline: H\nsection: city\ncolour: red\n---\n", "unknown field \"colour\"")]
    [InlineData("---\nheadline: H\nheadline: I\nsection: city\n---\n", "Duplicate key headline")]
    [InlineData("---\nheadline: [a, b]\nsection: city\n---\n", "single value")]
    public void Bad_front_matter_is_refused_with_a_reason(string text, string reason)
    {
        Assert.Contains(reason, Refusal(text));
    }

    [Theory]
    [InlineData("[", "]", "nested more than")]
    [InlineData("{a: ", "}", "nested more than")]
    public void Front_matter_nested_deep_enough_to_exhaust_the_parser_is_refused_before_parsing(string open, string close, string reason)
    {
        // 200,000 levels overflow the YAML parser's stack, which would end the process.
        var text = $"---\nheadline: H\nsection: city\ntags: {string.Concat(Enumerable.Repeat(open, 200_000))}{string.Concat(Enumerable.Repeat(close, 200_000))}\n---\nBody";

        Assert.Contains(reason, Refusal(text.Length > FrontMatter.MaxFrontMatterChars ? text[..(FrontMatter.MaxFrontMatterChars - 100)] + "\n---\nBody" : text));
    }

    [Fact]
    public void Block_nesting_and_oversized_front_matter_are_refused_too()
    {
        var nested = "---\nheadline: H\nsection: city\n" + string.Concat(Enumerable.Range(0, 40).Select(i => new string(' ', i) + "a:\n")) + "---\nBody";
        var huge = "---\nheadline: H\nsection: city\nstandfirst: " + new string('x', FrontMatter.MaxFrontMatterChars) + "\n---\nBody";

        Assert.Contains("nested more than", Refusal(nested));
        Assert.Contains("at most 65,536 are read", Refusal(huge));
    }

    [Fact]
    public void Brackets_inside_quoted_values_are_not_nesting()
    {
        var (doc, error) = FrontMatter.Parse("---\nheadline: \"[[[[[[[[[[[[[[[[[[[[ brackets ]]]]\"\nsection: city\n---\nBody", TimeZoneInfo.Utc);

        Assert.Null(error);
        Assert.StartsWith("[[[[", doc!.Headline);
    }

    [Fact]
    public void What_is_written_reads_back_the_same()
    {
        var original = new ArticleDocument(
            "Ferries: later boats, same fares", "ferries-later-boats", "city", ["rivers", "transport"], ["Chen Jing"],
            "Three routes run until 22:00.", new DateTime(2026, 11, 20, 0, 30, 0, DateTimeKind.Utc), ArticleStatus.Published,
            "NewsPortal", "Body with a line\n\n---\n\nand a rule in it.");

        var text = FrontMatter.Write(original, Shanghai);
        var read = Parse(text);

        Assert.Contains("published: 2026-11-20T08:30:00+08:00", text);
        Assert.Equal(original with { Body = original.Body + "\n" }, read with { Tags = original.Tags, Authors = original.Authors });
        Assert.Equal(original.Tags, read.Tags);
        Assert.Equal(original.Authors, read.Authors);
    }

    [Fact]
    public void An_imported_time_still_to_come_schedules_the_article_and_a_past_one_publishes_it_at_that_time()
    {
        var doc = Parse("---\nheadline: H\nsection: city\nstatus: published\n---\n");

        Assert.Equal(new PublishingState(ArticleStatus.Scheduled, Now.AddDays(1)), ArticleImporter.TargetState(doc with { PublishedAt = Now.AddDays(1) }, null, Now).State);
        Assert.Equal(new PublishingState(ArticleStatus.Published, Now.AddDays(-1)), ArticleImporter.TargetState(doc with { PublishedAt = Now.AddDays(-1) }, null, Now).State);
        Assert.Equal(new PublishingState(ArticleStatus.Published, Now), ArticleImporter.TargetState(doc, null, Now).State);
    }

    [Fact]
    public void An_imported_published_article_without_a_time_keeps_the_time_it_already_has()
    {
        var doc = Parse("---\nheadline: H\nsection: city\nstatus: published\n---\n");
        var earlier = Now.AddDays(-5);

        Assert.Equal(new PublishingState(ArticleStatus.Published, earlier), ArticleImporter.TargetState(doc, new PublishingState(ArticleStatus.Published, earlier), Now).State);
    }

    [Fact]
    public void A_scheduled_import_needs_a_time()
    {
        var doc = Parse("---\nheadline: H\nsection: city\nstatus: scheduled\n---\n");

        Assert.Contains("needs a published time", ArticleImporter.TargetState(doc, null, Now).Error);
    }
}
