using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace CxMaturity.Web.Data.Migrations
{
    /// <inheritdoc />
    public partial class RespondentInvitedBy : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "InvitedByUserId",
                table: "Respondents",
                type: "TEXT",
                nullable: true);

            migrationBuilder.CreateIndex(
                name: "IX_Respondents_InvitedByUserId",
                table: "Respondents",
                column: "InvitedByUserId");

            migrationBuilder.AddForeignKey(
                name: "FK_Respondents_AspNetUsers_InvitedByUserId",
                table: "Respondents",
                column: "InvitedByUserId",
                principalTable: "AspNetUsers",
                principalColumn: "Id",
                onDelete: ReferentialAction.SetNull);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropForeignKey(
                name: "FK_Respondents_AspNetUsers_InvitedByUserId",
                table: "Respondents");

            migrationBuilder.DropIndex(
                name: "IX_Respondents_InvitedByUserId",
                table: "Respondents");

            migrationBuilder.DropColumn(
                name: "InvitedByUserId",
                table: "Respondents");
        }
    }
}
