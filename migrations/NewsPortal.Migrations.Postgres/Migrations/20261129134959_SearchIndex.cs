using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace NewsPortal.Migrations.Postgres.Migrations
{
    /// <summary>
    /// Search on PostgreSQL: a stored tsvector over headline (A), standfirst (B) and body text (C) with a GIN
    /// index for English words, and a pg_trgm GIN index over the same text for Chinese substrings. The column
    /// is maintained by PostgreSQL and is not part of the EF model.
    /// </summary>
    public partial class SearchIndex : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("CREATE EXTENSION IF NOT EXISTS pg_trgm;");
            migrationBuilder.Sql("""
                ALTER TABLE "Articles" ADD COLUMN "SearchVector" tsvector GENERATED ALWAYS AS (
                    setweight(to_tsvector('english', "Headline"), 'A') ||
                    setweight(to_tsvector('english', "Standfirst"), 'B') ||
                    setweight(to_tsvector('english', "BodyText"), 'C')) STORED;
                """);
            migrationBuilder.Sql("""CREATE INDEX "IX_Articles_SearchVector" ON "Articles" USING GIN ("SearchVector");""");
            migrationBuilder.Sql("""
                CREATE INDEX "IX_Articles_SearchText_Trigram" ON "Articles"
                    USING GIN (("Headline" || ' ' || "Standfirst" || ' ' || "BodyText") gin_trgm_ops);
                """);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("""DROP INDEX IF EXISTS "IX_Articles_SearchText_Trigram";""");
            migrationBuilder.Sql("""DROP INDEX IF EXISTS "IX_Articles_SearchVector";""");
            migrationBuilder.Sql("""ALTER TABLE "Articles" DROP COLUMN IF EXISTS "SearchVector";""");
        }
    }
}
