using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace CxMaturity.Web.Data.Migrations
{
    /// <inheritdoc />
    public partial class RolesAndRaci : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<Guid>(
                name: "RaciVersion",
                table: "Organisations",
                type: "TEXT",
                nullable: false,
                defaultValue: new Guid("00000000-0000-0000-0000-000000000000"));

            migrationBuilder.CreateTable(
                name: "GovernanceRoles",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    OrganisationId = table.Column<int>(type: "INTEGER", nullable: false),
                    Name = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    Position = table.Column<int>(type: "INTEGER", nullable: false),
                    HolderUserId = table.Column<string>(type: "TEXT", nullable: true),
                    HolderName = table.Column<string>(type: "TEXT", maxLength: 100, nullable: true),
                    Responsibilities = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: false),
                    Version = table.Column<Guid>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_GovernanceRoles", x => x.Id);
                    table.ForeignKey(
                        name: "FK_GovernanceRoles_AspNetUsers_HolderUserId",
                        column: x => x.HolderUserId,
                        principalTable: "AspNetUsers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.SetNull);
                    table.ForeignKey(
                        name: "FK_GovernanceRoles_Organisations_OrganisationId",
                        column: x => x.OrganisationId,
                        principalTable: "Organisations",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "RaciAssignments",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    OrganisationId = table.Column<int>(type: "INTEGER", nullable: false),
                    RowKey = table.Column<string>(type: "TEXT", maxLength: 140, nullable: false),
                    RoleId = table.Column<int>(type: "INTEGER", nullable: false),
                    Letter = table.Column<string>(type: "TEXT", maxLength: 1, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_RaciAssignments", x => x.Id);
                    table.ForeignKey(
                        name: "FK_RaciAssignments_GovernanceRoles_RoleId",
                        column: x => x.RoleId,
                        principalTable: "GovernanceRoles",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_RaciAssignments_Organisations_OrganisationId",
                        column: x => x.OrganisationId,
                        principalTable: "Organisations",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_GovernanceRoles_HolderUserId",
                table: "GovernanceRoles",
                column: "HolderUserId");

            migrationBuilder.CreateIndex(
                name: "IX_GovernanceRoles_OrganisationId_Position",
                table: "GovernanceRoles",
                columns: new[] { "OrganisationId", "Position" });

            migrationBuilder.CreateIndex(
                name: "IX_RaciAssignments_OrganisationId_RowKey_RoleId",
                table: "RaciAssignments",
                columns: new[] { "OrganisationId", "RowKey", "RoleId" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_RaciAssignments_RoleId",
                table: "RaciAssignments",
                column: "RoleId");

            // Organisations made before roles existed get the five default roles, as new ones do (RULES.md §8.1).
            migrationBuilder.Sql(
                "INSERT INTO \"GovernanceRoles\" (\"OrganisationId\", \"Name\", \"Position\", \"Responsibilities\", \"Version\") " +
                "SELECT \"Id\", 'Executive sponsor', 0, 'Owns the CX ambition at the top table, funds the programme and removes blockers.', '00000000-0000-0000-0000-000000000001' FROM \"Organisations\";");
            migrationBuilder.Sql(
                "INSERT INTO \"GovernanceRoles\" (\"OrganisationId\", \"Name\", \"Position\", \"Responsibilities\", \"Version\") " +
                "SELECT \"Id\", 'CX lead', 1, 'Runs the programme week to week: assessments, roadmap, projects, KPIs and reporting.', '00000000-0000-0000-0000-000000000002' FROM \"Organisations\";");
            migrationBuilder.Sql(
                "INSERT INTO \"GovernanceRoles\" (\"OrganisationId\", \"Name\", \"Position\", \"Responsibilities\", \"Version\") " +
                "SELECT \"Id\", 'Journey owner', 2, 'Answers for one customer journey end to end and for the projects that change it.', '00000000-0000-0000-0000-000000000003' FROM \"Organisations\";");
            migrationBuilder.Sql(
                "INSERT INTO \"GovernanceRoles\" (\"OrganisationId\", \"Name\", \"Position\", \"Responsibilities\", \"Version\") " +
                "SELECT \"Id\", 'Data and insight lead', 3, 'Measures the experience: surveys, KPIs, the customer-gap register and what they say.', '00000000-0000-0000-0000-000000000004' FROM \"Organisations\";");
            migrationBuilder.Sql(
                "INSERT INTO \"GovernanceRoles\" (\"OrganisationId\", \"Name\", \"Position\", \"Responsibilities\", \"Version\") " +
                "SELECT \"Id\", 'Frontline champion', 4, 'Brings the frontline''s view in and carries changes out to the people who meet customers.', '00000000-0000-0000-0000-000000000005' FROM \"Organisations\";");
            migrationBuilder.Sql("UPDATE \"Organisations\" SET \"RaciVersion\" = '00000000-0000-0000-0000-0000000000AA';");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "RaciAssignments");

            migrationBuilder.DropTable(
                name: "GovernanceRoles");

            migrationBuilder.DropColumn(
                name: "RaciVersion",
                table: "Organisations");
        }
    }
}
