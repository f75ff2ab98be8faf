using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace NewsPortal.Migrations.Postgres.Migrations
{
    /// <inheritdoc />
    public partial class ArticleTranslations : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<int>(
                name: "TranslationId",
                table: "Articles",
                type: "integer",
                nullable: true);

            migrationBuilder.CreateIndex(
                name: "IX_Articles_TranslationId",
                table: "Articles",
                column: "TranslationId");

            migrationBuilder.AddForeignKey(
                name: "FK_Articles_Articles_TranslationId",
                table: "Articles",
                column: "TranslationId",
                principalTable: "Articles",
                principalColumn: "Id",
                onDelete: ReferentialAction.SetNull);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropForeignKey(
                name: "FK_Articles_Articles_TranslationId",
                table: "Articles");

            migrationBuilder.DropIndex(
                name: "IX_Articles_TranslationId",
                table: "Articles");

            migrationBuilder.DropColumn(
                name: "TranslationId",
                table: "Articles");
        }
    }
}
