using System.Net;
using CxMaturity.Web.Features.Kpis;
using CxMaturity.Web.Features.MyWork;
using CxMaturity.Web.Features.Projects;
using CxMaturity.Web.Features.Raci;
using CxMaturity.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace CxMaturity.Web.Tests.Features.MyWork;

/// <summary>My work: what is the user's, due soon, in the organisations they are still in, and nobody else's.</summary>
public sealed class MyWorkTests(CxWebApplicationFactory factory) : IClassFixture<CxWebApplicationFactory>
{
    private static readonly DateOnly Today = DateOnly.FromDateTime(DateTime.UtcNow);

    [Fact]
    public async Task Owned_projects_milestones_due_soon_kpis_due_and_R_or_A_rows_are_listed_and_nothing_else()
    {
        var owner = await factory.CreateUserAsync();
        var organisationId = await factory.CreateOrganisationAsync(owner.Id, "Mine Ltd");
        var me = await factory.CreateMemberAsync(organisationId, OrganisationRole.CxLead);
        var projects = factory.GetService<ProjectService>();
        var late = await projects.CreateAsync(owner.Id, organisationId, new ProjectRequest(
            "Fix refunds", ProjectStatus.InProgress, OwnerUserId: me.Id, StartOn: Today.AddDays(-30), DueOn: Today.AddDays(-1),
            Milestones: [new("Soon", Today.AddDays(3)), new("Later", Today.AddDays(30)), new("Finished", Today.AddDays(-2), Done: true), new("Missed", Today.AddDays(-5))]));
        await projects.CreateAsync(owner.Id, organisationId, new ProjectRequest("Finished project", ProjectStatus.Done, OwnerUserId: me.Id));
        await projects.CreateAsync(owner.Id, organisationId, new ProjectRequest("Someone else's", ProjectStatus.Planned, OwnerUserId: owner.Id));
        var kpis = factory.GetService<KpiService>();
        var due = await kpis.CreateAsync(owner.Id, organisationId, new KpiRequest("CSAT", KpiKind.Csat, KpiDirection.HigherIsBetter, MeasurementFrequency.Monthly, OwnerUserId: me.Id));
        var measured = await kpis.CreateAsync(owner.Id, organisationId, new KpiRequest("NPS", KpiKind.Nps, KpiDirection.HigherIsBetter, MeasurementFrequency.Monthly, OwnerUserId: me.Id));
        await kpis.AddMeasurementAsync(owner.Id, organisationId, measured.Id, new MeasurementRequest(Today, Value: 20));
        var raci = factory.GetService<RaciService>();
        var matrix = await raci.GetAsync(owner.Id, organisationId);
        await raci.UpdateRoleAsync(owner.Id, organisationId, matrix.Roles[1].Id, new RoleRequest("CX lead", me.Id), matrix.Roles[1].Version);
        var rows = matrix.Rows.Select(r => new RaciRowRequest(r.Key, r.Key == $"project:{late.Id}"
            ? new Dictionary<int, RaciLetter> { [matrix.Roles[0].Id] = RaciLetter.R, [matrix.Roles[1].Id] = RaciLetter.A }
            : new Dictionary<int, RaciLetter> { [matrix.Roles[0].Id] = RaciLetter.A, [matrix.Roles[2].Id] = RaciLetter.R, [matrix.Roles[1].Id] = RaciLetter.C })).ToList();
        await raci.SaveAsync(owner.Id, organisationId, new RaciRequest(rows), matrix.Version);

        // Work in an organisation the user has since left does not follow them.
        var formerId = await factory.CreateOrganisationAsync(owner.Id, "Former Ltd");
        await factory.AddMemberAsync(formerId, me.Id, OrganisationRole.CxLead);
        await projects.CreateAsync(owner.Id, formerId, new ProjectRequest("Left behind", ProjectStatus.Planned, OwnerUserId: me.Id));
        await factory.WithDbAsync(db => db.Memberships.Where(m => m.OrganisationId == formerId && m.UserId == me.Id).ExecuteDeleteAsync());

        using var client = await factory.CreateApiClientAsync(me.Id);
        var work = await (await client.GetAsync("/api/v1/my-work")).ReadAsync<MyWorkView>();

        Assert.Equal([("Fix refunds", true)], work.Projects.Select(p => (p.Title, p.Late)));
        Assert.Equal([("Missed", true), ("Soon", false)], work.Milestones.Select(m => (m.Title, m.Overdue)));
        Assert.Equal([due.Id], work.Kpis.Select(k => k.Id));
        Assert.Equal([("Fix refunds", RaciLetter.A, "CX lead")], work.RaciRows.Select(r => (r.Title, r.Letter, r.Role)));

        var someoneElse = await (await (await factory.CreateApiClientAsync(owner.Id)).GetAsync("/api/v1/my-work")).ReadAsync<MyWorkView>();
        Assert.DoesNotContain(someoneElse.Projects, p => p.Title == "Fix refunds");
        Assert.DoesNotContain(someoneElse.RaciRows, r => r.Letter == RaciLetter.A && r.Title == "Fix refunds");
    }
}
