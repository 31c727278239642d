using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace CxMaturity.Web.Data.Migrations
{
    /// <summary>
    /// New accounts now sign in once their address is confirmed by an emailed link. Accounts made before that, which
    /// the registration page never marked confirmed, are taken as confirmed so that nobody is locked out. No change of
    /// the model, so no snapshot of it.
    /// </summary>
    [DbContext(typeof(AppDbContext))]
    [Migration("20261201101500_ConfirmExistingAccounts")]
    public partial class ConfirmExistingAccounts : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder) =>
            migrationBuilder.Sql("UPDATE AspNetUsers SET EmailConfirmed = 1 WHERE EmailConfirmed = 0;");

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            // Which accounts were unconfirmed before is not known; they stay confirmed.
        }
    }
}
