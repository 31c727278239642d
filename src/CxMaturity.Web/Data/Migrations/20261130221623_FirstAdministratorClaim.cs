using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace CxMaturity.Web.Data.Migrations
{
    /// <inheritdoc />
    public partial class FirstAdministratorClaim : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "InstallationClaims",
                columns: table => new
                {
                    Name = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    UserId = table.Column<string>(type: "TEXT", nullable: false),
                    ClaimedUtc = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_InstallationClaims", x => x.Name);
                });

            // An installation that already has users was set up before claims existed: the claim is taken.
            migrationBuilder.Sql(
                """
                INSERT INTO "InstallationClaims" ("Name", "UserId", "ClaimedUtc")
                SELECT 'first-administrator', "Id", CURRENT_TIMESTAMP FROM "AspNetUsers" LIMIT 1
                """);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "InstallationClaims");
        }
    }
}
