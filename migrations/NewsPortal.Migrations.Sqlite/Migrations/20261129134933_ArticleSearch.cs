using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace NewsPortal.Migrations.Sqlite.Migrations
{
    /// <summary>
    /// The full-text search index (SQLite FTS5), outside the EF model: rowid is the article's Id, the text is
    /// prepared in C# (Chinese as bigrams) and written by the search indexer. Contentless with delete support,
    /// so it holds no second copy of the articles. An existing database's articles are indexed at start-up.
    /// </summary>
    public partial class ArticleSearch : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql(
                "CREATE VIRTUAL TABLE ArticleSearch USING fts5(Headline, Standfirst, Body, " +
                "content='', contentless_delete=1, tokenize='porter unicode61 remove_diacritics 2');");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("DROP TABLE IF EXISTS ArticleSearch;");
        }
    }
}
