using NewsPortal.Core.Markdown;

namespace NewsPortal.UnitTests.Markdown;

public sealed class RenderingMarkdown
{
    private readonly MarkdownRenderer _renderer = new();

    [Fact]
    public void Headings_lists_tables_quotes_and_links_render()
    {
        var html = _renderer.Render("""
            ## Heading

            - one
            - two

            | a | b |
            |---|---|
            | 1 | 2 |

            > quoted

            [link](https://example.org/)
            """).Html;

        Assert.Contains("<h2 id=\"heading\">Heading</h2>", html);
        Assert.Contains("<li>one</li>", html);
        Assert.Contains("<table>", html);
        Assert.Contains("<blockquote>", html);
        Assert.Contains("<a href=\"https://example.org/\">link</a>", html);
    }

    [Fact]
    public void Table_alignment_and_widths_use_classes_never_inline_styles_the_policy_would_block()
    {
        var html = _renderer.Render("""
            | Left | Centre | Right | Plain |
            |:-----|:------:|------:|-------|
            | a    | b      | 1     | x     |

            +---------+----------------+
            | Grid    | Table          |
            +=========+================+
            | wide    | wider still    |
            +---------+----------------+
            """).Html;

        Assert.DoesNotContain("style=", html);
        Assert.Contains("<th class=\"align-left\">Left</th>", html);
        Assert.Contains("<th class=\"align-center\">Centre</th>", html);
        Assert.Contains("<td class=\"align-right\">1</td>", html);
        Assert.Contains("<td>x</td>", html);
        Assert.Equal(2, html.Split("<table>").Length - 1);
    }

    [Theory]
    [InlineData("<script>alert(1)</script>")]
    [InlineData("<img src=x onerror=alert(1)>")]
    [InlineData("<iframe src=\"https://evil.example\"></iframe>")]
    [InlineData("<a href=\"javascript:alert(1)\">x</a>")]
    public void Raw_html_is_escaped_not_rendered(string markdown)
    {
        var html = _renderer.Render(markdown).Html;

        Assert.DoesNotContain("<script", html, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("<img", html, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("<iframe", html, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("<a ", html, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("&lt;", html);
    }

    [Theory]
    [InlineData("[x](javascript:alert(1))")]
    [InlineData("[x](JaVaScRiPt:alert(1))")]
    [InlineData("[x](java\tscript:alert(1))")]
    [InlineData("[x](data:text/html;base64,PHNjcmlwdD4=)")]
    [InlineData("[x](vbscript:msgbox)")]
    [InlineData("![x](javascript:alert(1))")]
    [InlineData("<javascript:alert(1)>")]
    public void Links_with_unsafe_schemes_are_neutralised(string markdown)
    {
        var html = _renderer.Render(markdown).Html;

        Assert.DoesNotContain("javascript:", html, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("vbscript:", html, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("data:", html, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public void Attribute_syntax_cannot_add_event_handlers()
    {
        var html = _renderer.Render("# Title {onclick=\"alert(1)\"}\n\ntext{onmouseover=alert(1)}").Html;

        // The braces stay as visible text; no tag carries an event-handler attribute.
        Assert.DoesNotMatch(@"<[^>]*\son\w+\s*=", html);
        Assert.Contains("{onclick=", html, StringComparison.Ordinal);
    }

    [Fact]
    public void Control_characters_are_dropped_and_text_kept()
    {
        var rendered = _renderer.Render("Hello\0 wor\u0001ld");

        Assert.Equal("<p>Hello world</p>\n", rendered.Html);
        Assert.Equal("Hello world", rendered.PlainText);
    }

    [Fact]
    public void Reading_time_counts_english_words_and_chinese_characters()
    {
        Assert.Equal(1, ReadingTime.Minutes("short"));
        Assert.Equal(3, ReadingTime.Minutes(string.Join(' ', Enumerable.Repeat("word", 600))));
        Assert.Equal(2, ReadingTime.Minutes(new string('重', 500)));
    }

    [Theory]
    [InlineData("/relative/path", true)]
    [InlineData("https://example.org", true)]
    [InlineData("mailto:a@b.c", true)]
    [InlineData("page?x=a:b", true)]
    [InlineData("javascript:alert(1)", false)]
    [InlineData("  javascript:alert(1)", false)]
    public void Url_safety(string url, bool safe) => Assert.Equal(safe, MarkdownRenderer.IsSafeUrl(url));
}
