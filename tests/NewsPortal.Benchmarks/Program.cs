using System.Diagnostics;
using System.Globalization;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using NewsPortal.Core.Articles;
using NewsPortal.Core.Data;
using NewsPortal.Core.Markdown;

// Generates a SQLite database of N published articles for the benchmark:
//   dotnet run --project tests/NewsPortal.Benchmarks -c Release -- generate --articles 100000 --db /tmp/bench-100k.db
// All N articles go into the "city" section, so that deep pages of one section exist (page 5,000 at
// 100,000 with 20 a page); N/200 more are spread over the other sections so the home page has its blocks.
// On PostgreSQL (a fresh database of that name is created on the server):
//   ... -- generate --articles 100000 --provider Postgres --connection "Host=127.0.0.1;Username=postgres;Database=bench"
//   ... -- slug --provider Postgres --connection "..." --offset 500   (prints an article's slug for the article page)
if (args is not ["generate", ..] and not ["slug", ..])
{
    Console.Error.WriteLine("Usage: generate --articles N (--db PATH | --provider Postgres --connection CONNECTION) | slug --provider Postgres --connection CONNECTION --offset N");
    return 2;
}

if (Option("--provider") is "Postgres")
{
    var pg = Option("--connection") ?? throw new InvalidOperationException("--provider Postgres needs --connection.");
    return args[0] == "slug"
        ? await PostgresBench.PrintSlugAsync(pg, int.Parse(Option("--offset") ?? "0", CultureInfo.InvariantCulture))
        : await PostgresBench.GenerateAsync(int.Parse(Option("--articles") ?? "1000", CultureInfo.InvariantCulture), pg);
}

if (args[0] != "generate")
{
    Console.Error.WriteLine("slug is for --provider Postgres; on SQLite use sqlite3.");
    return 2;
}

var count = int.Parse(Option("--articles") ?? "1000", CultureInfo.InvariantCulture);
var path = Path.GetFullPath(Option("--db") ?? "bench.db");
foreach (var suffix in new[] { "", "-wal", "-shm" })
{
    File.Delete(path + suffix);
}

var watch = Stopwatch.StartNew();
var options = new DbContextOptionsBuilder<NewsDbContext>()
    .UseSqlite($"Data Source={path}", o => o.MigrationsAssembly("NewsPortal.Migrations.Sqlite"))
    .Options;
await using (var db = new NewsDbContext(options))
{
    await db.Database.MigrateAsync();
}

var renderer = new MarkdownRenderer();
var sections = BenchStories.Sections;
var random = new Random(42);

await using var connection = new SqliteConnection($"Data Source={path}");
await connection.OpenAsync();
await Exec("PRAGMA journal_mode=WAL; PRAGMA synchronous=OFF;");
await using (var tx = (SqliteTransaction)await connection.BeginTransactionAsync())
{
    for (var i = 0; i < sections.Length; i++)
    {
        await Exec($"INSERT INTO Sections (Name, Slug, Description, SortOrder) VALUES ('{sections[i].Item1}', '{sections[i].Item2}', 'Benchmark section', {i})", tx);
    }

    await Exec("INSERT INTO Authors (Name, Slug, Bio, Links) VALUES ('Bench Writer', 'bench-writer', 'Writes benchmark stories.', '')", tx);
    for (var t = 0; t < 50; t++)
    {
        await Exec($"INSERT INTO Tags (Name, Slug) VALUES ('topic {t}', 'topic-{t}')", tx);
    }

    await tx.CommitAsync();
}

var now = DateTime.UtcNow;
var extras = Math.Max(5, count / 200);
var total = count + extras;
const int Batch = 5000;
for (var start = 0; start < total; start += Batch)
{
    await using var tx = (SqliteTransaction)await connection.BeginTransactionAsync();
    await using var insert = connection.CreateCommand();
    insert.Transaction = tx;
    insert.CommandText = """
        INSERT INTO Articles (Headline, Slug, Standfirst, BodyMarkdown, BodyHtml, BodyText, Status, PublishedAt, CreatedAt, UpdatedAt,
                              SectionId, Source, CoverImageUrl, CoverCaption, CoverCredit, ReadingMinutes, ViewCount)
        VALUES ($h, $s, $sf, $md, $html, $text, 2, $p, $p, $p, $sec, 'Bench', $cover, 'Cover', 'Bench', $rm, $v);
        SELECT last_insert_rowid();
        """;
    var pars = new[] { "$h", "$s", "$sf", "$md", "$html", "$text", "$p", "$sec", "$cover", "$rm", "$v" }
        .ToDictionary(n => n, n => insert.Parameters.Add(new SqliteParameter(n, null)));
    await using var tag = connection.CreateCommand();
    tag.Transaction = tx;
    tag.CommandText = "INSERT INTO ArticleTags (ArticlesId, TagsId) VALUES ($a, $t); INSERT INTO ArticleAuthors (ArticlesId, AuthorsId) VALUES ($a, 1);";
    var ta = tag.Parameters.Add(new SqliteParameter("$a", 0));
    var tt = tag.Parameters.Add(new SqliteParameter("$t", 0));

    for (var i = start; i < Math.Min(total, start + Batch); i++)
    {
        var story = BenchStories.Make(i, count, total, now, random, renderer);
        pars["$h"].Value = story.Headline;
        pars["$s"].Value = story.Slug;
        pars["$sf"].Value = story.Standfirst;
        pars["$md"].Value = story.Markdown;
        pars["$html"].Value = story.Rendered.Html;
        pars["$text"].Value = story.Rendered.PlainText;
        pars["$p"].Value = story.PublishedAt.ToString("yyyy-MM-dd HH:mm:ss.FFFFFFF", CultureInfo.InvariantCulture);
        pars["$sec"].Value = story.SectionId;
        pars["$cover"].Value = "/images/demo/city.svg";
        pars["$rm"].Value = story.Rendered.ReadingMinutes;
        pars["$v"].Value = story.ViewCount;
        var id = (long)(await insert.ExecuteScalarAsync())!;
        ta.Value = id;
        tt.Value = story.TagId;
        await tag.ExecuteNonQueryAsync();
    }

    await tx.CommitAsync();
}

await Exec("PRAGMA optimize; ANALYZE;");
Console.WriteLine($"Generated {total} articles ({count} in the city section) in {path} ({watch.Elapsed.TotalSeconds:F1} s)");
return 0;

async Task Exec(string sql, SqliteTransaction? tx = null)
{
    await using var command = connection.CreateCommand();
    command.Transaction = tx;
    command.CommandText = sql;
    await command.ExecuteNonQueryAsync();
}

string? Option(string name)
{
    var i = Array.IndexOf(args, name);
    return i >= 0 && i + 1 < args.Length ? args[i + 1] : null;
}
