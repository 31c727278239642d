using CxMaturity.Web.Data;
using CxMaturity.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;

namespace CxMaturity.Web.Tests.Data;

/// <summary>
/// A round's answers are read natively on SQLite and through a data reader elsewhere: both give exactly
/// this round's rows, in respondent order, with "not applicable" as null.
/// </summary>
public sealed class RoundRowsTests(CxWebApplicationFactory factory) : IClassFixture<CxWebApplicationFactory>
{
    [Fact]
    public async Task The_native_and_the_portable_reader_give_the_same_rows_of_one_round()
    {
        var (roundId, otherRoundId) = await SeedTwoRoundsAsync();

        var native = await factory.WithDbAsync(async db =>
        {
            var rows = new List<(int, string, int?)>();
            await RoundRows.ReadAsync(db, RoundRows.Answers, roundId, (r, k, v) => rows.Add((r, k, v)), CancellationToken.None);
            return rows;
        });
        var portable = await factory.WithDbAsync(async db =>
        {
            var rows = new List<(int, string, int?)>();
            await db.Database.OpenConnectionAsync();
            await RoundRows.ReadPortablyAsync(
                db.Database.GetDbConnection(), null, RoundRows.Answers, roundId, [], (r, k, v) => rows.Add((r, k, v)), CancellationToken.None);
            return rows;
        });

        var respondentIds = native.Select(r => r.Item1).Distinct().Order().ToList();
        string Show((int Respondent, string Key, int? Value) row) =>
            $"{respondentIds.IndexOf(row.Respondent) + 1}:{row.Key}={row.Value?.ToString() ?? "null"}";
        Assert.Equal(["1:q1=3", "1:q2=null", "2:q1=5"], native.Select(Show).Order(StringComparer.Ordinal));
        Assert.Equal(native, portable);
        Assert.Equal(native.Select(r => r.Item1).Order(), native.Select(r => r.Item1));

        var other = await factory.WithDbAsync(async db =>
        {
            var count = 0;
            await RoundRows.ReadAsync(db, RoundRows.Answers, otherRoundId, (_, _, _) => count++, CancellationToken.None);
            return count;
        });
        Assert.Equal(1, other);
    }

    [Fact]
    public async Task The_native_reader_sees_rows_written_in_the_open_transaction()
    {
        var (roundId, _) = await SeedTwoRoundsAsync();

        var count = await factory.WithDbAsync(async db =>
        {
            await using var transaction = await db.Database.BeginTransactionAsync();
            var respondent = await db.Respondents.FirstAsync(r => r.RoundId == roundId);
            db.Answers.Add(new Answer { RespondentId = respondent.Id, QuestionId = "q9", Level = 2, UpdatedUtc = DateTime.UtcNow });
            await db.SaveChangesAsync();
            var rows = 0;
            await RoundRows.ReadAsync(db, RoundRows.Answers, roundId, (_, _, _) => rows++, CancellationToken.None);
            await transaction.RollbackAsync();
            return rows;
        });

        Assert.Equal(4, count);
    }

    private async Task<(int RoundId, int OtherRoundId)> SeedTwoRoundsAsync()
    {
        var first = await factory.CreateOrganisationWithRoundAsync();
        var second = await factory.CreateOrganisationWithRoundAsync();
        await factory.WithDbAsync(async db =>
        {
            var now = DateTime.UtcNow;
            Respondent Add(int roundId, string name) =>
                db.Respondents.Add(new Respondent { RoundId = roundId, Name = name, Email = $"{Guid.NewGuid():N}@test.local", Group = "Executive" }).Entity;
            var (one, two, stranger) = (Add(first.Round.Id, "One"), Add(first.Round.Id, "Two"), Add(second.Round.Id, "Stranger"));
            await db.SaveChangesAsync();
            db.Answers.AddRange(
                new Answer { RespondentId = one.Id, QuestionId = "q1", Level = 3, UpdatedUtc = now },
                new Answer { RespondentId = one.Id, QuestionId = "q2", Level = null, UpdatedUtc = now },
                new Answer { RespondentId = two.Id, QuestionId = "q1", Level = 5, UpdatedUtc = now },
                new Answer { RespondentId = stranger.Id, QuestionId = "q1", Level = 1, UpdatedUtc = now });
            await db.SaveChangesAsync();
        });
        return (first.Round.Id, second.Round.Id);
    }
}
