using CxMaturity.Assessment.Governance;
using CxMaturity.Assessment.Rounds;
using CxMaturity.Web.Data;
using CxMaturity.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace CxMaturity.Web.Tests.Features.Reminders;

/// <summary>
/// A seeded organisation for the reminder tests, with hand-picked dates (see each member). Northwind: Olive owns it
/// and holds the Accountable role of the project, Lena is its CX lead, Kim owns the KPI and the project. Contoso:
/// Lena is its CX lead, its only round closed on 15 Aug 2026.
/// </summary>
internal sealed record ReminderScenario(
    TestUser Olive, TestUser Lena, TestUser Kim, int NorthwindId, int ContosoId, int KpiId, int ProjectId, int PilotId, int LaunchId, int RoundId)
{
    public const string Invitee = "ada@example.com";

    public string NameOf(string recipientKey) =>
        recipientKey == $"user:{Olive.Id}" ? "olive" : recipientKey == $"user:{Lena.Id}" ? "lena" : recipientKey == $"user:{Kim.Id}" ? "kim" : recipientKey;

    public static async Task<ReminderScenario> CreateAsync(CxWebApplicationFactory factory)
    {
        var olive = await factory.CreateUserAsync(displayName: "Olive Owner");
        var lena = await factory.CreateUserAsync(displayName: "Lena Lead");
        var kim = await factory.CreateUserAsync(displayName: "Kim Keeper");
        var northwind = await factory.CreateOrganisationAsync(olive.Id, "Northwind");
        await factory.AddMemberAsync(northwind, lena.Id, OrganisationRole.CxLead);
        await factory.AddMemberAsync(northwind, kim.Id, OrganisationRole.Contributor);
        var contoso = await factory.CreateOrganisationAsync(olive.Id, "Contoso");
        await factory.AddMemberAsync(contoso, lena.Id, OrganisationRole.CxLead);

        // Northwind's round closes on 10 Mar 2027; Ada has not answered, Ben has handed in.
        var round = await factory.CreateRoundAsync(olive.Id, northwind, "Spring pulse");
        await factory.AddRespondentAsync(olive.Id, round.Id, name: "Ada", email: Invitee);
        var ben = await factory.AddRespondentAsync(olive.Id, round.Id, name: "Ben", email: "ben@example.com");
        var closed = await factory.CreateRoundAsync(olive.Id, contoso, "Baseline");

        return await factory.WithDbAsync(async db =>
        {
            await db.Rounds.Where(r => r.Id == round.Id).ExecuteUpdateAsync(u => u.SetProperty(r => r.Status, RoundStatus.Open).SetProperty(r => r.ClosesOn, new DateOnly(2027, 3, 10)));
            await db.Respondents.Where(r => r.Id == ben.Respondent.Id).ExecuteUpdateAsync(u => u.SetProperty(r => r.Status, Assessment.Scoring.RespondentStatus.Submitted));
            await db.Rounds.Where(r => r.Id == closed.Id).ExecuteUpdateAsync(u => u
                .SetProperty(r => r.Status, RoundStatus.Closed).SetProperty(r => r.ClosedUtc, new DateTime(2026, 8, 15, 12, 0, 0, DateTimeKind.Utc)));

            // Monthly NPS, last measured 31 Dec 2026: due 31 Jan 2027.
            var kpi = new Kpi
            {
                OrganisationId = northwind, Name = "NPS", Kind = KpiKind.Nps, Direction = KpiDirection.HigherIsBetter, Frequency = MeasurementFrequency.Monthly,
                OwnerUserId = kim.Id, CreatedUtc = new DateTime(2026, 6, 1, 0, 0, 0, DateTimeKind.Utc),
            };
            kpi.Measurements.Add(new KpiMeasurement { Date = new DateOnly(2026, 12, 31), Value = 20, CreatedUtc = new DateTime(2026, 12, 31, 0, 0, 0, DateTimeKind.Utc) });
            db.Kpis.Add(kpi);

            // Fix refunds, due 15 Feb 2027, with Pilot due 20 Jan and Launch due 1 Mar (done on 20 Feb).
            var project = new Project
            {
                OrganisationId = northwind, Title = "Fix refunds", Status = ProjectStatus.InProgress, OwnerUserId = kim.Id, DueOn = new DateOnly(2027, 2, 15),
                CreatedUtc = new DateTime(2026, 12, 1, 0, 0, 0, DateTimeKind.Utc),
            };
            project.Milestones.Add(new Milestone { Title = "Pilot", DueOn = new DateOnly(2027, 1, 20), Position = 0 });
            project.Milestones.Add(new Milestone { Title = "Launch", DueOn = new DateOnly(2027, 3, 1), Position = 1 });
            db.Projects.Add(project);
            await db.SaveChangesAsync();

            // Olive holds the Executive sponsor role, which is A for the project; the CX lead role is R.
            var roles = await db.GovernanceRoles.Where(r => r.OrganisationId == northwind).ToListAsync();
            var sponsor = roles.Single(r => r.Name == "Executive sponsor");
            sponsor.HolderUserId = olive.Id;
            db.RaciAssignments.Add(new RaciAssignment { OrganisationId = northwind, RowKey = $"project:{project.Id}", RoleId = sponsor.Id, Letter = RaciLetter.A });
            db.RaciAssignments.Add(new RaciAssignment { OrganisationId = northwind, RowKey = $"project:{project.Id}", RoleId = roles.Single(r => r.Name == "CX lead").Id, Letter = RaciLetter.R });
            await db.SaveChangesAsync();

            var milestones = project.Milestones.OrderBy(m => m.Position).ToList();
            return new ReminderScenario(olive, lena, kim, northwind, contoso, kpi.Id, project.Id, milestones[0].Id, milestones[1].Id, round.Id);
        });
    }
}
