using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace CxMaturity.Web.Data.Migrations
{
    /// <inheritdoc />
    public partial class CustomerGaps : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "RootCauses",
                table: "Organisations",
                type: "TEXT",
                nullable: false,
                // Organisations made before the register start with the default categories, as new ones do.
                defaultValue: "[\"Process\",\"People\",\"Technology\",\"Policy\",\"Communication\",\"Product\"]");

            migrationBuilder.CreateTable(
                name: "CustomerGaps",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    OrganisationId = table.Column<int>(type: "INTEGER", nullable: false),
                    Title = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    Source = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    RootCause = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    Score = table.Column<double>(type: "REAL", nullable: false),
                    CreatedUtc = table.Column<DateTime>(type: "TEXT", nullable: false),
                    Version = table.Column<Guid>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_CustomerGaps", x => x.Id);
                    table.ForeignKey(
                        name: "FK_CustomerGaps_Organisations_OrganisationId",
                        column: x => x.OrganisationId,
                        principalTable: "Organisations",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_CustomerGaps_OrganisationId_RootCause",
                table: "CustomerGaps",
                columns: new[] { "OrganisationId", "RootCause" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "CustomerGaps");

            migrationBuilder.DropColumn(
                name: "RootCauses",
                table: "Organisations");
        }
    }
}
