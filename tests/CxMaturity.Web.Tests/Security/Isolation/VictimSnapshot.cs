using System.Data.Common;
using System.Text;
using Microsoft.EntityFrameworkCore;

namespace CxMaturity.Web.Tests.Security.Isolation;

/// <summary>
/// Every row of the database that belongs to the victim organisation, as stored, table by table: a request that
/// changed any of them (a name, a version, a count) shows as a difference. Every table of the database is either
/// read here or named in <see cref="NotCompared"/> with the reason.
/// </summary>
public static class VictimSnapshot
{
    /// <summary>Tables that hold nothing of any organisation, and why they are not compared.</summary>
    public static IReadOnlyDictionary<string, string> NotCompared { get; } = new Dictionary<string, string>(StringComparer.Ordinal)
    {
        ["__EFMigrationsHistory"] = "the migrations applied",
        ["__EFMigrationsLock"] = "the migrations' lock",
    };

    /// <summary>The victim's rows of each table: a WHERE clause over the table's columns.</summary>
    public static IReadOnlyDictionary<string, string> VictimRows(int organisationId)
    {
        var rounds = $"SELECT Id FROM AssessmentRounds WHERE OrganisationId = {organisationId}";
        var respondents = $"SELECT Id FROM Respondents WHERE RoundId IN ({rounds})";
        var members = $"SELECT UserId FROM Memberships WHERE OrganisationId = {organisationId}";
        var organisation = $"OrganisationId = {organisationId}";
        return new Dictionary<string, string>(StringComparer.Ordinal)
        {
            ["Organisations"] = $"Id = {organisationId}",
            ["Memberships"] = organisation,
            ["AssessmentRounds"] = organisation,
            ["AuditEntries"] = organisation,
            ["CustomerGaps"] = organisation,
            ["GovernanceRoles"] = organisation,
            ["Kpis"] = organisation,
            ["Notifications"] = organisation,
            ["Projects"] = organisation,
            ["RaciAssignments"] = organisation,
            ["ReminderDeliveries"] = organisation,
            ["Respondents"] = $"RoundId IN ({rounds})",
            ["RoundTargets"] = $"RoundId IN ({rounds})",
            ["RoadmapItemStates"] = $"RoundId IN ({rounds})",
            ["InvitationSends"] = $"RoundId IN ({rounds})",
            ["Answers"] = $"RespondentId IN ({respondents})",
            ["ImportanceRatings"] = $"RespondentId IN ({respondents})",
            ["KpiMeasurements"] = $"KpiId IN (SELECT Id FROM Kpis WHERE {organisation})",
            ["Milestones"] = $"ProjectId IN (SELECT Id FROM Projects WHERE {organisation})",
            ["ProjectKpis"] = $"ProjectId IN (SELECT Id FROM Projects WHERE {organisation})",
            ["AspNetUsers"] = $"Id IN ({members})",
            ["AspNetUserClaims"] = $"UserId IN ({members})",
            ["AspNetUserLogins"] = $"UserId IN ({members})",
            ["AspNetUserPasskeys"] = $"UserId IN ({members})",
            ["AspNetUserRoles"] = $"UserId IN ({members})",
            ["AspNetUserTokens"] = $"UserId IN ({members})",
            ["PersonalAccessTokens"] = $"UserId IN ({members})",
            ["OutgoingMails"] = $"ToAddress IN (SELECT Email FROM AspNetUsers WHERE Id IN ({members}) UNION SELECT Email FROM Respondents WHERE RoundId IN ({rounds}))",
            // Shared by every organisation: compared whole.
            ["ModelVersions"] = "1",
            ["InstallationClaims"] = "1",
            ["AspNetRoles"] = "1",
            ["AspNetRoleClaims"] = "1",
        };
    }

    /// <summary>The tables of the database (SQLite's own excepted).</summary>
    public static Task<IReadOnlyList<string>> TablesAsync(IsolationFixture fixture) =>
        fixture.Factory.WithDbAsync(async db =>
        {
            var tables = await db.Database.SqlQueryRaw<string>(
                    "SELECT name AS Value FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite%' ORDER BY name")
                .ToListAsync();
            return (IReadOnlyList<string>)tables;
        });

    /// <summary>The victim's rows of every compared table, as text, by table.</summary>
    public static Task<IReadOnlyDictionary<string, string>> TakeAsync(IsolationFixture fixture) =>
        fixture.Factory.WithDbAsync(async db =>
        {
            var snapshot = new SortedDictionary<string, string>(StringComparer.Ordinal);
            var connection = db.Database.GetDbConnection();
            await connection.OpenAsync();
            foreach (var (table, where) in VictimRows(fixture.OrganisationId))
            {
                await using var command = connection.CreateCommand();
                command.CommandText = $"SELECT * FROM \"{table}\" WHERE {where} ORDER BY rowid";
                await using var reader = await command.ExecuteReaderAsync();
                snapshot[table] = await ReadAsync(reader);
            }

            return (IReadOnlyDictionary<string, string>)snapshot;
        });

    private static async Task<string> ReadAsync(DbDataReader reader)
    {
        var text = new StringBuilder();
        var rows = 0;
        while (await reader.ReadAsync())
        {
            rows++;
            for (var i = 0; i < reader.FieldCount; i++)
            {
                var value = reader.GetValue(i);
                text.Append(reader.GetName(i)).Append('=').Append(value switch
                {
                    DBNull => "null",
                    byte[] bytes => Convert.ToBase64String(bytes),
                    IFormattable formattable => formattable.ToString(null, System.Globalization.CultureInfo.InvariantCulture),
                    _ => value.ToString(),
                }).Append(i + 1 < reader.FieldCount ? ", " : "\n");
            }
        }

        return $"{rows} rows\n{text}";
    }
}
