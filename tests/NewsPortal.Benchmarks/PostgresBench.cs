using Microsoft.EntityFrameworkCore;
using NewsPortal.Core.Data;
using NewsPortal.Core.Markdown;
using Npgsql;
using NpgsqlTypes;

/// <summary>
/// The benchmark database on PostgreSQL: a fresh database (dropped and created again), migrated with the
/// portal's PostgreSQL migrations, filled with <see cref="BenchStories"/> through COPY.
/// </summary>
internal static class PostgresBench
{
    public static async Task<int> GenerateAsync(int count, string connectionString)
    {
        var watch = System.Diagnostics.Stopwatch.StartNew();
        await RecreateAsync(connectionString);
        var options = new DbContextOptionsBuilder<NewsDbContext>()
            .UseNpgsql(connectionString, o => o.MigrationsAssembly("NewsPortal.Migrations.Postgres"))
            .Options;
        await using (var db = new NewsDbContext(options))
        {
            await db.Database.MigrateAsync();
        }

        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        for (var i = 0; i < BenchStories.Sections.Length; i++)
        {
            await ExecAsync(connection, """INSERT INTO "Sections" ("Name", "Slug", "Description", "SortOrder") VALUES ($1, $2, 'Benchmark section', $3)""",
                BenchStories.Sections[i].Name, BenchStories.Sections[i].Slug, i);
        }

        await ExecAsync(connection, """INSERT INTO "Authors" ("Name", "Slug", "Bio", "Links") VALUES ('Bench Writer', 'bench-writer', 'Writes benchmark stories.', '')""");
        for (var t = 0; t < 50; t++)
        {
            await ExecAsync(connection, """INSERT INTO "Tags" ("Name", "Slug") VALUES ($1, $2)""", $"topic {t}", $"topic-{t}");
        }

        var renderer = new MarkdownRenderer();
        var random = new Random(42);
        var now = DateTime.UtcNow;
        var extras = Math.Max(5, count / 200);
        var total = count + extras;
        var tags = new List<(int Article, int Tag)>(total);
        await using (var copy = await connection.BeginBinaryImportAsync("""
            COPY "Articles" ("Id", "Headline", "Slug", "Standfirst", "BodyMarkdown", "BodyHtml", "BodyText", "Status", "PublishedAt",
                             "CreatedAt", "UpdatedAt", "SectionId", "Source", "CoverImageUrl", "CoverCaption", "CoverCredit", "ReadingMinutes", "ViewCount")
            FROM STDIN (FORMAT BINARY)
            """))
        {
            for (var i = 0; i < total; i++)
            {
                var story = BenchStories.Make(i, count, total, now, random, renderer);
                await copy.StartRowAsync();
                await copy.WriteAsync(i + 1, NpgsqlDbType.Integer);
                await copy.WriteAsync(story.Headline, NpgsqlDbType.Varchar);
                await copy.WriteAsync(story.Slug, NpgsqlDbType.Varchar);
                await copy.WriteAsync(story.Standfirst, NpgsqlDbType.Varchar);
                await copy.WriteAsync(story.Markdown, NpgsqlDbType.Text);
                await copy.WriteAsync(story.Rendered.Html, NpgsqlDbType.Text);
                await copy.WriteAsync(story.Rendered.PlainText, NpgsqlDbType.Text);
                await copy.WriteAsync(2, NpgsqlDbType.Integer);
                await copy.WriteAsync(story.PublishedAt, NpgsqlDbType.TimestampTz);
                await copy.WriteAsync(story.PublishedAt, NpgsqlDbType.TimestampTz);
                await copy.WriteAsync(story.PublishedAt, NpgsqlDbType.TimestampTz);
                await copy.WriteAsync(story.SectionId, NpgsqlDbType.Integer);
                await copy.WriteAsync("Bench", NpgsqlDbType.Varchar);
                await copy.WriteAsync("/images/demo/city.svg", NpgsqlDbType.Varchar);
                await copy.WriteAsync("Cover", NpgsqlDbType.Varchar);
                await copy.WriteAsync("Bench", NpgsqlDbType.Varchar);
                await copy.WriteAsync(story.Rendered.ReadingMinutes, NpgsqlDbType.Integer);
                await copy.WriteAsync((long)story.ViewCount, NpgsqlDbType.Bigint);
                tags.Add((i + 1, story.TagId));
            }

            await copy.CompleteAsync();
        }

        await using (var copy = await connection.BeginBinaryImportAsync("""COPY "ArticleTags" ("ArticlesId", "TagsId") FROM STDIN (FORMAT BINARY)"""))
        {
            foreach (var (article, tag) in tags)
            {
                await copy.WriteRowAsync(default, article, tag);
            }

            await copy.CompleteAsync();
        }

        await using (var copy = await connection.BeginBinaryImportAsync("""COPY "ArticleAuthors" ("ArticlesId", "AuthorsId") FROM STDIN (FORMAT BINARY)"""))
        {
            foreach (var (article, _) in tags)
            {
                await copy.WriteRowAsync(default, article, 1);
            }

            await copy.CompleteAsync();
        }

        await ExecAsync(connection, """SELECT setval(pg_get_serial_sequence('"Articles"', 'Id'), (SELECT max("Id") FROM "Articles"))""");
        await ExecAsync(connection, "VACUUM ANALYZE");
        Console.WriteLine($"Generated {total} articles ({count} in the city section) on PostgreSQL ({watch.Elapsed.TotalSeconds:F1} s)");
        return 0;
    }

    /// <summary>Prints the slug of the city section's article at <paramref name="offset"/> (by id), for the article page.</summary>
    public static async Task<int> PrintSlugAsync(string connectionString, int offset)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand("""SELECT "Slug" FROM "Articles" WHERE "SectionId" = 1 ORDER BY "Id" OFFSET $1 LIMIT 1""", connection);
        command.Parameters.Add(new NpgsqlParameter { Value = offset });
        Console.WriteLine(await command.ExecuteScalarAsync());
        return 0;
    }

    private static async Task RecreateAsync(string connectionString)
    {
        var target = new NpgsqlConnectionStringBuilder(connectionString);
        var name = target.Database ?? throw new InvalidOperationException("The connection string names no database.");
        var server = new NpgsqlConnectionStringBuilder(connectionString) { Database = "postgres" };
        await using var connection = new NpgsqlConnection(server.ConnectionString);
        await connection.OpenAsync();
        var quoted = "\"" + name.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"";
        await ExecAsync(connection, $"DROP DATABASE IF EXISTS {quoted} WITH (FORCE)");
        await ExecAsync(connection, $"CREATE DATABASE {quoted}");
    }

    private static async Task ExecAsync(NpgsqlConnection connection, string sql, params object[] values)
    {
        await using var command = new NpgsqlCommand(sql, connection);
        foreach (var value in values)
        {
            command.Parameters.Add(new NpgsqlParameter { Value = value });
        }

        await command.ExecuteNonQueryAsync();
    }
}
