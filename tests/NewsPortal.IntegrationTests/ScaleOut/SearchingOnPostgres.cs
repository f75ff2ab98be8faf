using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using NewsPortal.Core.Articles;
using NewsPortal.Core.Search;
using NewsPortal.IntegrationTests.Infrastructure;

namespace NewsPortal.IntegrationTests.ScaleOut;

/// <summary>The portal on PostgreSQL whatever the run's provider: for what only PostgreSQL has.</summary>
public sealed class PostgresPortalFactory : PortalFactory
{
    public override string Provider => "Postgres";
}

[Trait(DatabaseTrait.Name, DatabaseTrait.ProviderIndependent)]
public sealed class SearchingOnPostgres(PostgresPortalFactory factory) : IClassFixture<PostgresPortalFactory>
{
    private async Task<SearchResults> SearchAsync(string query, int page = 1, int pageSize = 10)
    {
        await using var scope = factory.Services.CreateAsyncScope();
        var search = scope.ServiceProvider.GetRequiredService<IArticleSearch>();
        Assert.IsType<PostgresArticleSearch>(search);
        return await search.SearchAsync(query, page, pageSize);
    }

    [Fact]
    public async Task An_english_word_finds_articles_with_any_form_of_it_and_marks_it_in_the_snippet()
    {
        await TestArticles.AddAsync(factory, "Harbour authority orders new gantries",
            markdown: "The port said the gantries would arrive by barge. Two gantry operators were hired.");

        var results = await SearchAsync("gantry");

        var hit = Assert.Single(results.Hits);
        Assert.Equal("Harbour authority orders new gantries", hit.Article.Headline);
        Assert.Contains("<mark>gantries</mark>", hit.SnippetHtml);
        Assert.Contains("<mark>gantry</mark>", hit.SnippetHtml);
        Assert.Equal(1, results.TotalCount);
    }

    [Fact]
    public async Task A_match_in_the_headline_ranks_above_a_match_in_the_body()
    {
        await TestArticles.AddAsync(factory, "Residents debate the tramline budget", markdown: "Later on, the zephyrine proposal was mentioned once.");
        await TestArticles.AddAsync(factory, "Zephyrine lanterns light the old town", markdown: "Lanterns went up along the steps.");

        var results = await SearchAsync("zephyrine");

        Assert.Equal(["Zephyrine lanterns light the old town", "Residents debate the tramline budget"], results.Hits.Select(h => h.Article.Headline));
        Assert.True(results.Hits[0].Rank > results.Hits[1].Rank);
    }

    [Fact]
    public async Task Chinese_text_is_found_inside_a_longer_run_of_characters()
    {
        await TestArticles.AddAsync(factory, "Weekend crowds return to the pedestrian street",
            markdown: "Shop owners were pleased. 市民说：解放碑步行街的人越来越多了。");

        var results = await SearchAsync("步行街");

        var hit = Assert.Single(results.Hits);
        Assert.Equal("Weekend crowds return to the pedestrian street", hit.Article.Headline);
        Assert.Contains("<mark>步行街</mark>", hit.SnippetHtml);
        Assert.Empty((await SearchAsync("步行桥")).Hits);
    }

    [Fact]
    public async Task English_and_chinese_in_one_query_must_both_match()
    {
        await TestArticles.AddAsync(factory, "Cable car queues grow on holidays", markdown: "Visitors queued for the cable car. 长江索道");
        await TestArticles.AddAsync(factory, "Cable car maintenance week announced", markdown: "The cable car closes for checks.");

        var results = await SearchAsync("cable 长江索道");

        var hit = Assert.Single(results.Hits);
        Assert.Equal("Cable car queues grow on holidays", hit.Article.Headline);
        Assert.Contains("<mark>", hit.SnippetHtml);
    }

    [Fact]
    public async Task Only_articles_readers_may_see_are_found()
    {
        await TestArticles.AddAsync(factory, "Quillwort survey draft", ArticleStatus.Draft, markdown: "quillwort");
        await TestArticles.AddAsync(factory, "Quillwort survey withdrawn", ArticleStatus.Unpublished, markdown: "quillwort");
        var scheduledAt = factory.Clock.GetUtcNow().UtcDateTime.AddHours(2);
        await TestArticles.AddAsync(factory, "Quillwort survey scheduled", ArticleStatus.Published, publishedAt: scheduledAt, markdown: "quillwort");

        Assert.Empty((await SearchAsync("quillwort")).Hits);

        factory.Clock.Advance(TimeSpan.FromHours(3));
        var hit = Assert.Single((await SearchAsync("quillwort")).Hits);
        Assert.Equal("Quillwort survey scheduled", hit.Article.Headline);
    }

    [Fact]
    public async Task Snippets_show_markup_from_the_text_as_text()
    {
        await TestArticles.AddAsync(factory, "Kumquat prices and a strange sign",
            markdown: "A stall sign read `<script>alert('kumquat')</script>` & <b>bold</b> kumquat offers.");

        var hit = Assert.Single((await SearchAsync("kumquat")).Hits);

        var withoutMarks = hit.SnippetHtml.Replace("<mark>", "").Replace("</mark>", "");
        Assert.DoesNotContain("<", withoutMarks);
        Assert.Contains("&lt;script&gt;", hit.SnippetHtml);
        Assert.Contains("<mark>kumquat</mark>", hit.SnippetHtml);
    }

    [Fact]
    public async Task Results_are_paged_with_the_total_on_every_page()
    {
        for (var i = 1; i <= 3; i++)
        {
            await TestArticles.AddAsync(factory, $"Quokkalith report part {i}", markdown: "quokkalith findings");
        }

        var first = await SearchAsync("quokkalith", page: 1, pageSize: 2);
        var second = await SearchAsync("quokkalith", page: 2, pageSize: 2);
        var beyond = await SearchAsync("quokkalith", page: 9, pageSize: 2);

        Assert.Equal((2, 3, 2), (first.Hits.Count, first.TotalCount, first.TotalPages));
        Assert.Equal((1, 3), (second.Hits.Count, second.TotalCount));
        Assert.Equal((0, 3), (beyond.Hits.Count, beyond.TotalCount));
        Assert.Empty(first.Hits.Select(h => h.Article.Id).Intersect(second.Hits.Select(h => h.Article.Id)));
    }

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData("the")]
    [InlineData("\"unbalanced quote")]
    [InlineData("a & | ! ( ) :* <-> b")]
    [InlineData("'; DROP TABLE \"Articles\"; --")]
    [InlineData("%")]
    [InlineData("_")]
    [InlineData("\\")]
    [InlineData("nul\0byte")]
    [InlineData("\uD800 lone surrogate")]
    [InlineData("\uE000 marker \uE001")]
    [InlineData("🙂 emoji")]
    [InlineData("OR AND NOT -")]
    public async Task A_hostile_query_answers_quietly_and_harms_nothing(string query)
    {
        var results = await SearchAsync(query);

        // The first page and the total agree: hits exactly when there is a total, never more than it.
        Assert.Equal(results.Hits.Count > 0, results.TotalCount > 0);
        Assert.InRange(results.Hits.Count, 0, Math.Min(results.TotalCount, results.PageSize));
        Assert.True(await factory.WithDbAsync(db => db.Articles.AnyAsync()));
    }

    [Fact]
    public async Task A_very_long_query_is_cut_rather_than_refused()
    {
        var results = await SearchAsync(string.Concat(Enumerable.Repeat("重庆 city ", 5000)));

        Assert.True(results.Query.Length <= PostgresArticleSearch.MaxQueryLength);
        Assert.NotEmpty(results.Hits);
    }
}
