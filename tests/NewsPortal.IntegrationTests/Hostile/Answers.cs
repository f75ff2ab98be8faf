using System.Net;
using AngleSharp.Dom;
using NewsPortal.IntegrationTests.Infrastructure;

namespace NewsPortal.IntegrationTests.Hostile;

/// <summary>What every answer to hostile input must look like, and what a page showing hostile input must not hold.</summary>
public static class Answers
{
    /// <summary>
    /// A refusal a person understands: the expected 4xx status, the site's own page with a heading and an
    /// explanation, no trace of the failure's internals, and the security headers.
    /// </summary>
    public static async Task<IDocument> AssertRefusedAsync(HttpResponseMessage response, HttpStatusCode status, string? expectedText = null)
    {
        Html.AssertStatus(response, status);
        var page = await Html.ParseAsync(response);
        AssertHumanPage(response, page);
        if (expectedText is not null)
        {
            Assert.True(page.Body!.TextContent.Contains(expectedText, StringComparison.Ordinal),
                $"Expected \"{expectedText}\" on the page for {response.RequestMessage?.RequestUri}; it says: {Shorten(page.Body.TextContent)}");
        }

        return page;
    }

    /// <summary>Any answer: never a server error, and (for a page) the site's own page without internals.</summary>
    public static async Task<IDocument> AssertHandledAsync(HttpResponseMessage response)
    {
        Assert.True((int)response.StatusCode < 500, $"{(int)response.StatusCode} for {response.RequestMessage?.RequestUri}");
        var page = await Html.ParseAsync(response);
        if (response.Content.Headers.ContentType?.MediaType == "text/html" && (int)response.StatusCode >= 400)
        {
            AssertHumanPage(response, page);
        }

        return page;
    }

    private static void AssertHumanPage(HttpResponseMessage response, IDocument page)
    {
        Assert.Equal("text/html", response.Content.Headers.ContentType?.MediaType);
        Assert.False(string.IsNullOrWhiteSpace(page.Text("main h1")), $"No heading on the page for {response.RequestMessage?.RequestUri}");
        var explanation = page.QuerySelector("main")!.TextContent;
        Assert.True(explanation.Trim().Length > 40, $"No explanation on the page for {response.RequestMessage?.RequestUri}");
        foreach (var internals in new[] { "Exception", "   at ", "StackTrace", "Microsoft.", "System.", "SQLite Error", "Npgsql" })
        {
            Assert.DoesNotContain(internals, page.DocumentElement.OuterHtml, StringComparison.Ordinal);
        }

        Assert.Contains("frame-ancestors 'none'", string.Join(";", response.Headers.GetValues("Content-Security-Policy")));
    }

    /// <summary>
    /// Nothing on <paramref name="page"/> can run or restyle it: no script but the site's own files and JSON-LD
    /// data, no event-handler attribute, no script URL, no frame, object, inline style or element the hostile
    /// inputs carry (marked data-hostile or hostile-tag).
    /// </summary>
    public static void AssertInert(IDocument page)
    {
        var where = page.Url;
        foreach (var script in page.QuerySelectorAll("script"))
        {
            var src = script.GetAttribute("src");
            Assert.True(script.GetAttribute("type") == "application/ld+json" || (src is not null && src.StartsWith("/js/", StringComparison.Ordinal)),
                $"A script that is not the site's own on {where}: {Shorten(script.OuterHtml)}");
        }

        Assert.Empty(page.QuerySelectorAll("iframe, frame, object, embed, applet, base, style, hostile-tag, [data-hostile], meta[http-equiv]")
            .Select(e => $"{where}: {Shorten(e.OuterHtml)}"));
        foreach (var element in page.All)
        {
            foreach (var attribute in element.Attributes)
            {
                Assert.False(attribute.Name.StartsWith("on", StringComparison.OrdinalIgnoreCase),
                    $"Event handler attribute on {where}: {Shorten(element.OuterHtml)}");
                Assert.False(attribute.Name.Equals("style", StringComparison.OrdinalIgnoreCase),
                    $"Inline style on {where}: {Shorten(element.OuterHtml)}");
                if (attribute.Name is "href" or "src" or "action" or "formaction" or "srcset" or "poster" or "data" or "xlink:href")
                {
                    var value = new string(attribute.Value.Where(c => !char.IsWhiteSpace(c) && !char.IsControl(c)).ToArray());
                    Assert.False(value.StartsWith("javascript:", StringComparison.OrdinalIgnoreCase)
                        || value.StartsWith("vbscript:", StringComparison.OrdinalIgnoreCase)
                        || value.StartsWith("data:text/html", StringComparison.OrdinalIgnoreCase),
                        $"Script URL on {where}: {Shorten(element.OuterHtml)}");
                }
            }
        }
    }

    /// <summary>Every error message on a form page: the summary and the message beside each field.</summary>
    public static string ErrorsOn(IDocument page) =>
        string.Join(" ", page.QuerySelectorAll(".errors, .field-error, .error-summary, #note-error").Select(e => e.TextContent.Trim())).Trim();

    /// <summary>True when <paramref name="text"/> shows on the page as text (whitespace runs compared as one space).</summary>
    public static bool ShowsText(IDocument page, string text) =>
        Squash(page.Body!.TextContent).Contains(Squash(text), StringComparison.Ordinal);

    public static string Squash(string text) => string.Join(' ', text.Split([' ', '\n', '\r', '\t'], StringSplitOptions.RemoveEmptyEntries));

    public static string Shorten(string text) => text.Length > 300 ? text[..300] + "..." : text;
}
