using System.Diagnostics;
using System.Globalization;
using System.Net;
using Microsoft.Data.Sqlite;
using NewsPortal.IntegrationTests.Infrastructure;
using NewsPortal.IntegrationTests.Operations;
using Npgsql;
using Xunit.Abstractions;

namespace NewsPortal.IntegrationTests.Caching;

/// <summary>
/// Content saved by another process reaches the cached pages of a running portal without anyone telling it:
/// the real server runs on its defaults (output cache in memory) while the import command, a process of its own,
/// adds an article; then a headline is changed in SQL and announced with <c>content changed</c>. On SQLite and
/// on PostgreSQL. The portal notices within a second (it watches the content version); the test allows ten.
/// </summary>
[Trait(DatabaseTrait.Name, DatabaseTrait.ProviderIndependent)]
public sealed class SeeingChangesMadeElsewhere(ITestOutputHelper output)
{
    private static readonly TimeSpan Allowed = TimeSpan.FromSeconds(10);

    [Theory]
    [InlineData("Sqlite")]
    [InlineData("Postgres")]
    public async Task An_import_from_another_process_shows_on_home_section_feed_and_news_sitemap(string provider)
    {
        var folder = Directory.CreateTempSubdirectory("newsportal-elsewhere-").FullName;
        var settings = Settings(provider, folder);
        try
        {
            await using var portal = await PortalProcess.StartAsync(folder, settings, TimeSpan.FromMinutes(3));
            using var reader = portal.Client();
            string[] pages = ["", "section/city", "feed/rss.xml", "sitemap-news.xml"];
            foreach (var page in pages)
            {
                // Twice: the second answer comes from the cache.
                await reader.GetStringAsync(page);
                Assert.DoesNotContain("Lantern boats return", await reader.GetStringAsync(page));
            }

            var articles = Directory.CreateDirectory(Path.Combine(folder, "import")).FullName;
            var published = DateTimeOffset.UtcNow.AddMinutes(-5).ToString("yyyy-MM-ddTHH:mm:sszzz", CultureInfo.InvariantCulture);
            await File.WriteAllTextAsync(Path.Combine(articles, "lantern-boats.md"), $"""
                ---
                headline: Lantern boats return to the Jialing river
                slug: lantern-boats-return
                section: city
                tags: [rivers]
                authors: [Chen Jing]
                standfirst: The boats sail again on Saturday evenings.
                published: {published}
                status: published
                ---
                Lantern boats sail again from Saturday.
                """);

            var (exit, said) = await PortalProcess.RunCommandAsync(folder, settings, $"import \"{articles}\"", TimeSpan.FromMinutes(2));
            Assert.True(exit == 0, said);
            var imported = Stopwatch.StartNew();

            foreach (var page in pages)
            {
                await WaitForAsync(reader, page, "Lantern boats return");
            }

            output.WriteLine($"{provider}: all four pages showed the imported article {imported.ElapsedMilliseconds} ms after the import command ended.");
            Assert.Contains("Lantern boats return", await reader.GetStringAsync("article/lantern-boats-return"));

            // A fix typed in SQL, then the documented announcement.
            await ExecuteSqlAsync(provider, settings, "UPDATE \"Articles\" SET \"Headline\" = 'Lantern boats sail again on the Jialing' WHERE \"Slug\" = 'lantern-boats-return'");
            Assert.Contains("Lantern boats return", await reader.GetStringAsync("article/lantern-boats-return"));
            (exit, said) = await PortalProcess.RunCommandAsync(folder, settings, "content changed", TimeSpan.FromMinutes(2));
            Assert.True(exit == 0, said);
            var announced = Stopwatch.StartNew();
            await WaitForAsync(reader, "article/lantern-boats-return", "Lantern boats sail again");
            await WaitForAsync(reader, "", "Lantern boats sail again");
            output.WriteLine($"{provider}: the SQL fix showed {announced.ElapsedMilliseconds} ms after 'content changed' ended.");
            Assert.Empty(portal.Errors);
        }
        finally
        {
            if (provider == "Postgres")
            {
                TestDatabases.DropPostgres(settings["Database:ConnectionString"]);
            }

            Directory.Delete(folder, recursive: true);
        }
    }

    private static Dictionary<string, string> Settings(string provider, string folder) => provider == "Postgres"
        ? new() { ["Database:Provider"] = "Postgres", ["Database:ConnectionString"] = TestDatabases.CreatePostgres() }
        : new() { ["Database:ConnectionString"] = $"Data Source={PortalProcess.DatabaseFile(folder)}" };

    private static async Task WaitForAsync(HttpClient reader, string page, string text)
    {
        var deadline = Stopwatch.StartNew();
        while (true)
        {
            using var answer = await reader.GetAsync(page);
            Assert.Equal(HttpStatusCode.OK, answer.StatusCode);
            if ((await answer.Content.ReadAsStringAsync()).Contains(text, StringComparison.Ordinal))
            {
                return;
            }

            Assert.True(deadline.Elapsed < Allowed, $"/{page} still did not show \"{text}\" after {Allowed.TotalSeconds} s");
            await Task.Delay(100);
        }
    }

    private static async Task ExecuteSqlAsync(string provider, Dictionary<string, string> settings, string sql)
    {
        if (provider == "Postgres")
        {
            await using var connection = new NpgsqlConnection(settings["Database:ConnectionString"]);
            await connection.OpenAsync();
            await using var command = new NpgsqlCommand(sql, connection);
            Assert.Equal(1, await command.ExecuteNonQueryAsync());
        }
        else
        {
            await using var connection = new SqliteConnection(settings["Database:ConnectionString"] + ";Pooling=False");
            await connection.OpenAsync();
            await using var command = connection.CreateCommand();
            command.CommandText = sql;
            Assert.Equal(1, await command.ExecuteNonQueryAsync());
        }
    }
}
