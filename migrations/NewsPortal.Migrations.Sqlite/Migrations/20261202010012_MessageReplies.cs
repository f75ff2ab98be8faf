using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace NewsPortal.Migrations.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class MessageReplies : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "AssignedToId",
                table: "Messages",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<DateTime>(
                name: "DigestCoveredUntil",
                table: "AspNetUsers",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<bool>(
                name: "MessageDigest",
                table: "AspNetUsers",
                type: "INTEGER",
                nullable: false,
                defaultValue: false);

            migrationBuilder.CreateTable(
                name: "OutgoingMails",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    Kind = table.Column<int>(type: "INTEGER", nullable: false),
                    MessageId = table.Column<int>(type: "INTEGER", nullable: true),
                    StaffId = table.Column<string>(type: "TEXT", maxLength: 450, nullable: true),
                    Author = table.Column<string>(type: "TEXT", maxLength: 256, nullable: false),
                    To = table.Column<string>(type: "TEXT", maxLength: 254, nullable: false),
                    Subject = table.Column<string>(type: "TEXT", maxLength: 300, nullable: false),
                    Body = table.Column<string>(type: "TEXT", maxLength: 40000, nullable: false),
                    CreatedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    State = table.Column<int>(type: "INTEGER", nullable: false),
                    Attempts = table.Column<int>(type: "INTEGER", nullable: false),
                    NextAttemptAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    ClaimToken = table.Column<string>(type: "TEXT", maxLength: 32, nullable: true),
                    ClaimedUntil = table.Column<DateTime>(type: "TEXT", nullable: true),
                    SentAt = table.Column<DateTime>(type: "TEXT", nullable: true),
                    LastError = table.Column<string>(type: "TEXT", maxLength: 500, nullable: true),
                    MessageIdHeader = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_OutgoingMails", x => x.Id);
                    table.ForeignKey(
                        name: "FK_OutgoingMails_Messages_MessageId",
                        column: x => x.MessageId,
                        principalTable: "Messages",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_Messages_AssignedToId",
                table: "Messages",
                column: "AssignedToId");

            migrationBuilder.CreateIndex(
                name: "IX_OutgoingMails_MessageId",
                table: "OutgoingMails",
                column: "MessageId");

            migrationBuilder.CreateIndex(
                name: "IX_OutgoingMails_State_NextAttemptAt",
                table: "OutgoingMails",
                columns: new[] { "State", "NextAttemptAt" });

            migrationBuilder.AddForeignKey(
                name: "FK_Messages_AspNetUsers_AssignedToId",
                table: "Messages",
                column: "AssignedToId",
                principalTable: "AspNetUsers",
                principalColumn: "Id",
                onDelete: ReferentialAction.SetNull);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropForeignKey(
                name: "FK_Messages_AspNetUsers_AssignedToId",
                table: "Messages");

            migrationBuilder.DropTable(
                name: "OutgoingMails");

            migrationBuilder.DropIndex(
                name: "IX_Messages_AssignedToId",
                table: "Messages");

            migrationBuilder.DropColumn(
                name: "AssignedToId",
                table: "Messages");

            migrationBuilder.DropColumn(
                name: "DigestCoveredUntil",
                table: "AspNetUsers");

            migrationBuilder.DropColumn(
                name: "MessageDigest",
                table: "AspNetUsers");
        }
    }
}
