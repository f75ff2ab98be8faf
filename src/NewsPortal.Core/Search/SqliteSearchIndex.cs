using System.Data.Common;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;
using NewsPortal.Core.Articles;
using NewsPortal.Core.Data;

namespace NewsPortal.Core.Search;

/// <summary>
/// Writes the SQLite FTS5 table "ArticleSearch" (created by a migration; rowid = Article.Id). It holds
/// headline, standfirst and body text prepared by <see cref="SearchText.ForIndex"/>, and no copy of the
/// original text (contentless), so it is small; snippets are built from Articles.BodyText.
/// </summary>
public static class SqliteSearchIndex
{
    public const string Table = "ArticleSearch";

    /// <summary>Adds or replaces the index rows of <paramref name="articles"/>, in the context's current transaction.</summary>
    public static async Task UpsertAsync(NewsDbContext db, IEnumerable<Article> articles, CancellationToken ct = default)
    {
        await using var command = await CommandAsync(db,
            $"INSERT OR REPLACE INTO {Table}(rowid, Headline, Standfirst, Body) VALUES ($id, $headline, $standfirst, $body)", ct);
        var id = Parameter(command, "$id");
        var headline = Parameter(command, "$headline");
        var standfirst = Parameter(command, "$standfirst");
        var body = Parameter(command, "$body");
        foreach (var article in articles)
        {
            id.Value = article.Id;
            headline.Value = SearchText.ForIndex(article.Headline);
            standfirst.Value = SearchText.ForIndex(article.Standfirst);
            body.Value = SearchText.ForIndex(article.BodyText);
            await command.ExecuteNonQueryAsync(ct);
        }
    }

    public static async Task RemoveAsync(NewsDbContext db, IEnumerable<int> articleIds, CancellationToken ct = default)
    {
        await using var command = await CommandAsync(db, $"DELETE FROM {Table} WHERE rowid = $id", ct);
        var id = Parameter(command, "$id");
        foreach (var articleId in articleIds)
        {
            id.Value = articleId;
            await command.ExecuteNonQueryAsync(ct);
        }
    }

    /// <summary>Empties the index and indexes every article again, in one transaction. Returns the articles indexed.</summary>
    public static async Task<int> RebuildAsync(NewsDbContext db, IProgress<int>? progress = null, CancellationToken ct = default)
    {
        const int batch = 500;
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        await db.Database.ExecuteSqlRawAsync($"INSERT INTO {Table}({Table}) VALUES ('delete-all')", ct);
        var count = 0;
        var lastId = 0;
        while (true)
        {
            var rows = await db.Articles.AsNoTracking()
                .Where(a => a.Id > lastId)
                .OrderBy(a => a.Id)
                .Select(a => new Article { Id = a.Id, Headline = a.Headline, Standfirst = a.Standfirst, BodyText = a.BodyText })
                .Take(batch)
                .ToListAsync(ct);
            if (rows.Count == 0)
            {
                break;
            }

            await UpsertAsync(db, rows, ct);
            count += rows.Count;
            lastId = rows[^1].Id;
            progress?.Report(count);
        }

        await transaction.CommitAsync(ct);
        return count;
    }

    /// <summary>True when there are articles but the index is empty (a database from before search existed).</summary>
    public static async Task<bool> NeedsRebuildAsync(NewsDbContext db, CancellationToken ct = default)
    {
        var indexed = await db.Database.SqlQueryRaw<int>($"SELECT EXISTS (SELECT 1 FROM {Table}) AS Value").SingleAsync(ct);
        return indexed == 0 && await db.Articles.AnyAsync(ct);
    }

    private static async Task<DbCommand> CommandAsync(NewsDbContext db, string sql, CancellationToken ct)
    {
        var connection = db.Database.GetDbConnection();
        if (connection.State != System.Data.ConnectionState.Open)
        {
            await db.Database.OpenConnectionAsync(ct);
        }

        var command = connection.CreateCommand();
        command.CommandText = sql;
        command.Transaction = db.Database.CurrentTransaction?.GetDbTransaction();
        return command;
    }

    private static DbParameter Parameter(DbCommand command, string name)
    {
        var parameter = command.CreateParameter();
        parameter.ParameterName = name;
        command.Parameters.Add(parameter);
        return parameter;
    }
}
