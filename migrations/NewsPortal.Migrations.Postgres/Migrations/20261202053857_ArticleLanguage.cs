using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace NewsPortal.Migrations.Postgres.Migrations
{
    /// <summary>
    /// Each article's language, and search analysis by it: the stored tsvector uses the 'english' configuration
    /// (stemming, English stop words) for English articles and 'simple' for Chinese ones, whose Chinese text is
    /// matched through the pg_trgm index as before; the Latin words in them are kept as written.
    /// </summary>
    public partial class ArticleLanguage : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "Language",
                table: "Articles",
                type: "character varying(16)",
                maxLength: 16,
                nullable: false,
                defaultValue: "en");

            migrationBuilder.Sql("""ALTER TABLE "Articles" DROP COLUMN IF EXISTS "SearchVector";""");
            migrationBuilder.Sql("""
                ALTER TABLE "Articles" ADD COLUMN "SearchVector" tsvector GENERATED ALWAYS AS (
                    setweight(to_tsvector(CASE WHEN "Language" = 'en' THEN 'english'::regconfig ELSE 'simple'::regconfig END, "Headline"), 'A') ||
                    setweight(to_tsvector(CASE WHEN "Language" = 'en' THEN 'english'::regconfig ELSE 'simple'::regconfig END, "Standfirst"), 'B') ||
                    setweight(to_tsvector(CASE WHEN "Language" = 'en' THEN 'english'::regconfig ELSE 'simple'::regconfig END, "BodyText"), 'C')) STORED;
                """);
            migrationBuilder.Sql("""CREATE INDEX "IX_Articles_SearchVector" ON "Articles" USING GIN ("SearchVector");""");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("""ALTER TABLE "Articles" DROP COLUMN IF EXISTS "SearchVector";""");
            migrationBuilder.Sql("""
                ALTER TABLE "Articles" ADD COLUMN "SearchVector" tsvector GENERATED ALWAYS AS (
                    setweight(to_tsvector('english', "Headline"), 'A') ||
                    setweight(to_tsvector('english', "Standfirst"), 'B') ||
                    setweight(to_tsvector('english', "BodyText"), 'C')) STORED;
                """);
            migrationBuilder.Sql("""CREATE INDEX "IX_Articles_SearchVector" ON "Articles" USING GIN ("SearchVector");""");
            migrationBuilder.DropColumn(
                name: "Language",
                table: "Articles");
        }
    }
}
