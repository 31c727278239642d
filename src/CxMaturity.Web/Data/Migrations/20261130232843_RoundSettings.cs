using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace CxMaturity.Web.Data.Migrations
{
    /// <inheritdoc />
    public partial class RoundSettings : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<bool>(
                name: "Anonymous",
                table: "AssessmentRounds",
                type: "INTEGER",
                nullable: false,
                defaultValue: false);

            migrationBuilder.AddColumn<int>(
                name: "MinimumGroupSize",
                table: "AssessmentRounds",
                type: "INTEGER",
                nullable: false,
                defaultValue: 3);

            migrationBuilder.AddColumn<string>(
                name: "PerceptionGroupA",
                table: "AssessmentRounds",
                type: "TEXT",
                maxLength: 100,
                nullable: false,
                defaultValue: "Executive");

            migrationBuilder.AddColumn<string>(
                name: "PerceptionGroupB",
                table: "AssessmentRounds",
                type: "TEXT",
                maxLength: 100,
                nullable: false,
                defaultValue: "Frontline");

            migrationBuilder.AddColumn<string>(
                name: "RespondentGroups",
                table: "AssessmentRounds",
                type: "TEXT",
                nullable: false,
                defaultValue: "[]");

            // Rounds made before now used their organisation's groups; they keep them.
            migrationBuilder.Sql(
                "UPDATE \"AssessmentRounds\" SET \"RespondentGroups\" = " +
                "(SELECT \"RespondentGroups\" FROM \"Organisations\" WHERE \"Organisations\".\"Id\" = \"AssessmentRounds\".\"OrganisationId\");");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "Anonymous",
                table: "AssessmentRounds");

            migrationBuilder.DropColumn(
                name: "MinimumGroupSize",
                table: "AssessmentRounds");

            migrationBuilder.DropColumn(
                name: "PerceptionGroupA",
                table: "AssessmentRounds");

            migrationBuilder.DropColumn(
                name: "PerceptionGroupB",
                table: "AssessmentRounds");

            migrationBuilder.DropColumn(
                name: "RespondentGroups",
                table: "AssessmentRounds");
        }
    }
}
