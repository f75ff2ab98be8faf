using System.Globalization;
using System.Net;
using Microsoft.EntityFrameworkCore;
using NewsPortal.Core.Articles;
using NewsPortal.Core.Staff;
using NewsPortal.IntegrationTests.Infrastructure;
using NewsPortal.IntegrationTests.Newsroom;

namespace NewsPortal.IntegrationTests.Hostile;

/// <summary>
/// The article editor (/staff/articles/edit) under hostile input in every field. What an editor types is
/// stored cleaned of control characters and shown to readers, on the article, the listings, the tag and
/// author pages, and to staff on the form again, as text; markup never runs. Values that cannot be stored
/// are refused beside their field and nothing is saved.
/// </summary>
public sealed class HostileArticleEditing(HostilePortal portal) : IClassFixture<HostilePortal>
{
    /// <summary>The form fields, whether each is one line or Markdown, and its limit.</summary>
    private static readonly (string Field, bool Lines, int Limit)[] TextFields =
    [
        ("Headline", false, ArticleLimits.Headline), ("Standfirst", false, ArticleLimits.Standfirst), ("Body", true, ArticleLimits.Body),
        ("Source", false, 200), ("CoverCaption", false, 500), ("CoverCredit", false, 200), ("Tags", false, 100), ("Authors", false, 100),
    ];

    public static TheoryData<string, string> EveryFieldWithEveryKeptValue()
    {
        var data = new TheoryData<string, string>();
        foreach (var (field, _, _) in TextFields)
        {
            foreach (var text in HostileText.Markup.Concat(HostileText.Metacharacters).Concat(HostileText.Controls.Where(t => !t.Unreadable)))
            {
                data.Add(field, text.Name);
            }
        }

        return data;
    }

    private Task<int> ArticleCountAsync() => portal.WithDbAsync(db => db.Articles.CountAsync());

    private async Task<HttpResponseMessage> PublishAsync(HttpClient editor, IDictionary<string, string> values, string url = ArticleForms.NewArticle)
    {
        var fields = new Dictionary<string, string>
        {
            ["Input.Headline"] = $"Hostile test {Guid.NewGuid():N}",
            ["Input.Standfirst"] = "A standfirst.",
            ["Input.SectionId"] = (await ArticleForms.SectionIdAsync(portal)).ToString(CultureInfo.InvariantCulture),
            ["Input.Body"] = "A paragraph of news.",
        };
        foreach (var (key, value) in values)
        {
            fields[key] = value;
        }

        return await ArticleForms.SubmitAsync(editor, url, fields.GetValueOrDefault("Command", "publish"), fields);
    }

    [Theory]
    [MemberData(nameof(EveryFieldWithEveryKeptValue))]
    public async Task A_hostile_value_is_stored_cleaned_and_every_page_shows_it_as_text(string field, string name)
    {
        var text = HostileText.Named(name);
        var lines = TextFields.Single(f => f.Field == field).Lines;
        var editor = await portal.StaffAsync(StaffRoles.Editor);

        var response = await PublishAsync(editor, new Dictionary<string, string> { [$"Input.{field}"] = text.Value });

        var id = ArticleForms.IdFromRedirect(response);
        var article = await portal.WithDbAsync(db => db.Articles.AsNoTracking().Include(a => a.Tags).Include(a => a.Authors).Include(a => a.Section).SingleAsync(a => a.Id == id));
        var expected = lines ? text.Lines! : text.OneLine!;
        switch (field)
        {
            case "Tags" or "Authors":
                var names = (field == "Tags" ? article.Tags.Select(t => t.Name) : article.Authors.Select(a => a.Name)).ToList();
                Assert.NotEmpty(names);
                Assert.All(names, n => Assert.DoesNotContain(n, c => char.IsControl(c) || c is '\u202E'));
                break;
            default:
                Assert.Equal(expected, field switch
                {
                    "Headline" => article.Headline,
                    "Standfirst" => article.Standfirst,
                    "Body" => article.BodyMarkdown,
                    "Source" => article.Source,
                    "CoverCaption" => article.CoverCaption,
                    _ => article.CoverCredit,
                });
                break;
        }

        var pages = new List<string> { $"/article/{article.Slug}", "/", $"/section/{article.Section!.Slug}", $"/staff/articles/edit/{id}", "/staff/articles?q=" + Uri.EscapeDataString(text.Value) };
        pages.AddRange(article.Tags.Select(t => $"/tag/{t.Slug}"));
        pages.AddRange(article.Authors.Select(a => $"/author/{a.Slug}"));
        foreach (var page in pages)
        {
            var (shown, document) = await Html.GetAsync(page.StartsWith("/staff", StringComparison.Ordinal) ? editor : portal.Reader(), page);
            Html.AssertStatus(shown, HttpStatusCode.OK);
            Answers.AssertInert(document);
        }

        // Feeds and sitemaps carry headlines and standfirsts too: still well-formed XML.
        foreach (var feed in new[] { "/feed/rss.xml", "/feed/atom.xml", "/sitemap-news.xml", $"/section/{article.Section.Slug}/rss.xml" })
        {
            var xml = await portal.Reader().GetAsync(feed);
            Html.AssertStatus(xml, HttpStatusCode.OK);
            System.Xml.Linq.XDocument.Parse(await xml.Content.ReadAsStringAsync());
        }

        var (_, articlePage) = await Html.GetAsync(portal.Reader(), $"/article/{article.Slug}");
        // A body is Markdown: where the value holds Markdown syntax (emphasis, escapes, entities, links) readers see
        // its rendering, which the inertness check above covers; elsewhere they see exactly what was typed.
        if (field is "Headline" or "Standfirst" or "Source" || (field == "Body" && !expected.Any(c => "*_\\&[`#<".Contains(c, StringComparison.Ordinal))))
        {
            Assert.True(Answers.ShowsText(articlePage, expected), $"The reader does not see the {field} as text");
        }
    }

    public static TheoryData<string, string> RefusedValues()
    {
        var data = new TheoryData<string, string>();
        foreach (var (field, _, _) in TextFields)
        {
            data.Add(field, "undecodable text");
            data.Add(field, "over the limit");
        }

        data.Add("Headline", "only whitespace");
        data.Add("Headline", "only invisible characters");
        data.Add("Body", "only whitespace");
        data.Add("Tags", "no letters or digits");
        data.Add("Authors", "no letters or digits");
        data.Add("Slug", "no letters or digits");
        return data;
    }

    [Theory]
    [MemberData(nameof(RefusedValues))]
    public async Task A_value_that_cannot_be_stored_is_refused_beside_its_field_and_nothing_is_saved(string field, string name)
    {
        var limit = TextFields.SingleOrDefault(f => f.Field == field).Limit;
        var value = name switch
        {
            "over the limit" => field is "Tags" or "Authors" ? new string('t', limit + 1) : new string('x', limit + 1),
            "no letters or digits" => "***, 🌶️",
            _ => HostileText.Named(name).Value,
        };
        var editor = await portal.StaffAsync(StaffRoles.Editor);
        var before = await ArticleCountAsync();

        var response = await PublishAsync(editor, new Dictionary<string, string> { [$"Input.{field}"] = value });

        var page = await Answers.AssertRefusedAsync(response, HttpStatusCode.BadRequest);
        var error = page.QuerySelector($"[name='Input.{field}']")?.ParentElement?.QuerySelector(".field-error")?.TextContent.Trim();
        Assert.False(string.IsNullOrEmpty(error), $"No message beside {field}");
        Assert.Contains(error, page.Text(".errors"));
        Answers.AssertInert(page);
        Assert.Equal(before, await ArticleCountAsync());
    }

    public static TheoryData<string, string> HostileControls() => new()
    {
        { "Input.SectionId", "abc" },
        { "Input.SectionId", "-1" },
        { "Input.SectionId", "99999999999" },
        { "Input.SectionId", "1 OR 1=1" },
        { "Input.SectionId", "<script>" },
        { "Command", "publish<script>" },
        { "Command", "" },
        { "Command", "delete" },
        { "ScheduleAt", "9999-99-99T99:99" },
        { "ScheduleAt", "0001-01-01T00:00" },
        { "ScheduleAt", "2026-02-30T10:00" },
        { "ScheduleAt", "<script>alert(1)</script>" },
        { "ScheduleAt", "1e3" },
        { "ScheduleAt", "2000-01-01T00:00" },
    };

    [Theory]
    [MemberData(nameof(HostileControls))]
    public async Task Hostile_choices_and_times_are_refused_with_a_message_and_nothing_is_saved(string name, string value)
    {
        var editor = await portal.StaffAsync(StaffRoles.Editor);
        var before = await ArticleCountAsync();
        var values = new Dictionary<string, string> { [name] = value };
        if (name == "ScheduleAt")
        {
            values["Command"] = "schedule";
        }

        var response = await PublishAsync(editor, values);

        var page = await Answers.AssertRefusedAsync(response, HttpStatusCode.BadRequest);
        Assert.False(string.IsNullOrWhiteSpace(page.Text(".errors")), "No explanation in the form's error summary");
        Answers.AssertInert(page);
        Assert.Equal(before, await ArticleCountAsync());
    }

    public static TheoryData<string, string> HostileSlugs() => new()
    {
        { "../../../etc/passwd", "etc-passwd" },
        { "..%2F..%2Fweb.config", "2f-2fweb-config" },
        { "<script>alert(1)</script>", "script-alert-1-script" },
        { "Café Déjà-Vu", "cafe-deja-vu" },
        { "a/b\\c", "a-b-c" },
        { "slug\twith\ncontrols\u0001", "slug-with-controls" },
    };

    [Theory]
    [MemberData(nameof(HostileSlugs))]
    public async Task A_typed_slug_is_reduced_to_letters_digits_and_hyphens(string typed, string stored)
    {
        var editor = await portal.StaffAsync(StaffRoles.Editor);
        await portal.WithDbAsync(db => db.Articles.Where(a => a.Slug == stored).ExecuteDeleteAsync());

        var response = await PublishAsync(editor, new Dictionary<string, string> { ["Input.Slug"] = typed });

        var id = ArticleForms.IdFromRedirect(response);
        Assert.Equal(stored, await portal.WithDbAsync(db => db.Articles.Where(a => a.Id == id).Select(a => a.Slug).SingleAsync()));
        Html.AssertStatus(await portal.Reader().GetAsync($"/article/{stored}"), HttpStatusCode.OK);
    }

    [Theory]
    [InlineData("Correction <script>alert(1)</script> \"><img src=x onerror=alert(1) data-hostile>", "Correction <script>alert(1)</script> \"><img src=x onerror=alert(1) data-hostile>")]
    [InlineData("line one\r\nline two\u0001\u202E", "line one\nline two")]
    [InlineData("   ", null)]
    [InlineData("caf\uFFFD", null)]
    [InlineData("OVERSIZED", null)]
    public async Task A_correction_is_shown_to_readers_as_text_or_refused(string correction, string? kept)
    {
        var editor = await portal.StaffAsync(StaffRoles.Editor);
        var id = ArticleForms.IdFromRedirect(await PublishAsync(editor, new Dictionary<string, string>()));
        correction = correction == "OVERSIZED" ? new string('c', 2001) : correction;
        var (_, form) = await Html.GetAsync(editor, $"/staff/articles/edit/{id}");

        var response = await Html.SubmitAsync(editor, form, "#correction-form", new Dictionary<string, string> { ["CorrectionText"] = correction });

        var stored = await portal.WithDbAsync(db => db.Set<ArticleCorrection>().Where(c => c.ArticleId == id).Select(c => c.Text).ToListAsync());
        if (kept is null)
        {
            var page = await Answers.AssertRefusedAsync(response, HttpStatusCode.BadRequest);
            Assert.False(string.IsNullOrWhiteSpace(page.Text(".errors")));
            Assert.Empty(stored);
            return;
        }

        Html.AssertStatus(response, HttpStatusCode.Redirect);
        Assert.Equal(kept, Assert.Single(stored));
        var slug = await portal.WithDbAsync(db => db.Articles.Where(a => a.Id == id).Select(a => a.Slug).SingleAsync());
        var (_, articlePage) = await Html.GetAsync(portal.Reader(), $"/article/{slug}");
        Answers.AssertInert(articlePage);
        Assert.True(Answers.ShowsText(articlePage, kept), "The correction is not shown as text");
    }

    [Theory]
    [InlineData("?From=abc&To=%3Cscript%3E", HttpStatusCode.OK)]
    [InlineData("?From=-1&To=99999999", HttpStatusCode.NotFound)]
    [InlineData("?From=1&To=99999999999", HttpStatusCode.OK)]
    public async Task Hostile_revision_numbers_find_nothing_or_show_the_list(string query, HttpStatusCode status)
    {
        var editor = await portal.StaffAsync(StaffRoles.Editor);
        var id = ArticleForms.IdFromRedirect(await PublishAsync(editor, new Dictionary<string, string>()));

        var response = await editor.GetAsync($"/staff/articles/{id}/revisions{query}");

        Html.AssertStatus(response, status);
        Answers.AssertInert(await Answers.AssertHandledAsync(response));
    }

    [Theory]
    [InlineData("abc")]
    [InlineData("-5")]
    [InlineData("99999999999")]
    [InlineData("1%00")]
    public async Task Restoring_a_revision_that_does_not_exist_finds_nothing(string number)
    {
        var editor = await portal.StaffAsync(StaffRoles.Editor);
        var id = ArticleForms.IdFromRedirect(await PublishAsync(editor, new Dictionary<string, string>()));
        var (_, page) = await Html.GetAsync(editor, $"/staff/articles/edit/{id}");
        var token = page.QuerySelector("input[name=__RequestVerificationToken]")!.GetAttribute("value")!;
        var revisions = await portal.WithDbAsync(db => db.ArticleRevisions.CountAsync(r => r.ArticleId == id));

        var response = await editor.PostAsync($"/staff/articles/{id}/revisions?handler=Restore",
            new StringContent($"__RequestVerificationToken={Uri.EscapeDataString(token)}&number={number}", System.Text.Encoding.ASCII, "application/x-www-form-urlencoded"));

        Assert.InRange((int)response.StatusCode, 400, 499);
        await Answers.AssertHandledAsync(response);
        Assert.Equal(revisions, await portal.WithDbAsync(db => db.ArticleRevisions.CountAsync(r => r.ArticleId == id)));
    }
}
