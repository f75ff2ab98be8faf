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
if (args is not ["generate", ..])
{
    Console.Error.WriteLine("Usage: generate --articles N --db PATH");
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
var sections = new[] { ("City", "city"), ("Business", "business"), ("Culture", "culture"), ("Travel", "travel"), ("Science & Tech", "science-tech"), ("Sport", "sport") };
var words = "river bridge market district council metro school park harbour festival museum library hospital factory railway mountain tunnel street garden theatre".Split(' ');
var cjk = "重庆成渝两地合作越来越紧密城市交通文化旅游经济发展";
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

    await Exec("INSERT INTO Authors (Name, Slug, Bio) VALUES ('Bench Writer', 'bench-writer', 'Writes benchmark stories.')", tx);
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
        var w = Enumerable.Range(0, 8).Select(_ => words[random.Next(words.Length)]).ToArray();
        var headline = $"Story {i}: {w[0]} {w[1]} plan for the {w[2]} {w[3]}";
        var body = $"""
            The {w[4]} and the {w[5]} are part of a plan for the {w[6]} near the {w[7]}. {cjk.Substring(random.Next(cjk.Length - 6), 6)}

            ## Details

            - The {w[0]} opens next month.
            - The {w[1]} follows.

            > A resident said the {w[2]} matters.

            More about the {w[3]} in the coming weeks, with figures for each district and a timetable for the works.
            """;
        var rendered = renderer.Render(body);
        pars["$h"].Value = headline;
        pars["$s"].Value = $"story-{i}-{Slug.From(w[0] + " " + w[1])}";
        pars["$sf"].Value = $"What the {w[0]} plan means for the {w[2]}.";
        pars["$md"].Value = body;
        pars["$html"].Value = rendered.Html;
        pars["$text"].Value = rendered.PlainText;
        pars["$p"].Value = now.AddMinutes(-(total - i) * 7).ToString("yyyy-MM-dd HH:mm:ss.FFFFFFF", CultureInfo.InvariantCulture);
        pars["$sec"].Value = i < count ? 1 : 2 + (i % 5);
        pars["$cover"].Value = "/images/demo/city.svg";
        pars["$rm"].Value = rendered.ReadingMinutes;
        pars["$v"].Value = random.Next(1000);
        var id = (long)(await insert.ExecuteScalarAsync())!;
        ta.Value = id;
        tt.Value = 1 + (i % 50);
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
