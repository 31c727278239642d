using CxMaturity.Web.Data;
using CxMaturity.Web.Features.AuditLog;
using CxMaturity.Web.Features.Kpis;
using CxMaturity.Web.Features.Projects;
using CxMaturity.Web.Features.Questionnaires;
using CxMaturity.Web.Features.Rounds;
using CxMaturity.Web.Tests.Infrastructure;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;

namespace CxMaturity.Web.Tests.Features.AuditLog;

/// <summary>The audit log: written with each change (and not with a refused one), append-only, for Owners only.</summary>
public sealed class AuditLogTests(CxWebApplicationFactory factory) : IClassFixture<CxWebApplicationFactory>
{
    [Fact]
    public async Task A_status_change_is_logged_from_what_to_what_by_whom_and_a_refused_change_leaves_no_line()
    {
        var owner = await factory.CreateUserAsync(displayName: "Olga Owner");
        var organisationId = await factory.CreateOrganisationAsync(owner.Id);
        var projects = factory.GetService<ProjectService>();
        var project = await projects.CreateAsync(owner.Id, organisationId, new ProjectRequest("Fix refunds"));
        var done = await projects.UpdateAsync(owner.Id, project.Id, project.ToRequest() with { Status = ProjectStatus.Done }, project.Version);
        await Assert.ThrowsAsync<ValidationException>(() =>
            projects.UpdateAsync(owner.Id, project.Id, done.ToRequest() with { Status = ProjectStatus.Blocked }, done.Version));

        var log = await factory.GetService<AuditLogService>().GetAsync(owner.Id, organisationId, new AuditFilter(Area: "Project"));

        Assert.Equal(
            [("Olga Owner", "Project “Fix refunds”", "status changed", "Status: Proposed", "Status: Done"), ("Olga Owner", "Project “Fix refunds”", "created", null, "Status: Proposed")],
            log.Lines.Select(l => (l.Who, l.Subject, l.Action, l.Before, l.After)));
    }

    [Fact]
    public async Task Answers_are_logged_from_the_level_they_had_and_an_anonymous_round_names_nobody()
    {
        var organisation = await factory.CreateOrganisationWithRoundAsync();
        var member = await factory.CreateMemberAsync(organisation.OrganisationId, OrganisationRole.Contributor);
        var respondent = await factory.AddRespondentAsync(organisation.Owner.Id, organisation.Round.Id, name: "Ada", email: member.Email);
        var question = factory.Model.Dimensions[0].Questions[0].Id;
        var who = RespondentRef.Member(member.Id, organisation.Round.Id, respondent.Respondent.Id);
        await factory.Questionnaires.SaveAsync(who, new SaveAnswersRequest([new AnswerInput(question, 2)]));
        await factory.Questionnaires.SaveAsync(who, new SaveAnswersRequest([new AnswerInput(question, null)]));

        var lines = (await factory.GetService<AuditLogService>().GetAsync(organisation.Owner.Id, organisation.OrganisationId, new AuditFilter(Area: "Answer"))).Lines;

        Assert.Equal([("2", "N/A"), ((string?)null, "2")], lines.Select(l => (l.Before, l.After)));
        Assert.All(lines, l => Assert.StartsWith("Test user", l.Who, StringComparison.Ordinal));
        Assert.All(lines, l => Assert.Equal($"Ada (round {organisation.Round.Id}) · {question}", l.Subject));

        // In an anonymous round the line names neither the respondent nor their account.
        var anonymous = await factory.Rounds.CreateRoundAsync(organisation.Owner.Id, organisation.OrganisationId,
            new CreateRoundRequest(CxWebApplicationFactory.ModelId, "Anonymous round", Anonymous: true));
        var anonymousRespondent = await factory.AddRespondentAsync(organisation.Owner.Id, anonymous.Id, name: "Ada", email: member.Email);
        await factory.Questionnaires.SaveAsync(RespondentRef.Member(member.Id, anonymous.Id, anonymousRespondent.Respondent.Id), new SaveAnswersRequest([new AnswerInput(question, 4)]));
        var line = (await factory.GetService<AuditLogService>().GetAsync(organisation.Owner.Id, organisation.OrganisationId, new AuditFilter(Area: "Answer"))).Lines[0];
        Assert.Equal(("a respondent", $"Round {anonymous.Id}, anonymous respondent · {question}", "4"), (line.Who, line.Subject, line.After));
    }

    [Fact]
    public async Task Once_a_round_turns_anonymous_its_answer_lines_show_neither_name_account_nor_time_and_cannot_be_found_by_them()
    {
        var organisation = await factory.CreateOrganisationWithRoundAsync();
        var member = await factory.CreateMemberAsync(organisation.OrganisationId, OrganisationRole.Contributor);
        var respondent = await factory.AddRespondentAsync(organisation.Owner.Id, organisation.Round.Id, name: "Ada Lovelace", email: member.Email);
        var question = factory.Model.Dimensions[0].Questions[0].Id;
        await factory.Questionnaires.SaveAsync(
            RespondentRef.Member(member.Id, organisation.Round.Id, respondent.Respondent.Id), new SaveAnswersRequest([new AnswerInput(question, 3)]));
        var round = await factory.Rounds.GetRoundAsync(organisation.Owner.Id, organisation.Round.Id);
        await factory.Rounds.UpdateRoundAsync(organisation.Owner.Id, round.Id, new UpdateRoundRequest(round.Settings with { Anonymous = true }, round.Version));
        var audit = factory.GetService<AuditLogService>();

        var line = (await audit.GetAsync(organisation.Owner.Id, organisation.OrganisationId, new AuditFilter(Area: "Answer"))).Lines.Single();
        var byName = await audit.GetAsync(organisation.Owner.Id, organisation.OrganisationId, new AuditFilter(Text: "Lovelace"));
        var byAccount = await audit.GetAsync(organisation.Owner.Id, organisation.OrganisationId, new AuditFilter(UserId: member.Id));

        Assert.Equal(("a respondent", $"Round {round.Id}, anonymous respondent · {question}", TimeSpan.Zero), (line.Who, line.Subject, line.AtUtc.TimeOfDay));
        Assert.Empty(byName.Lines);
        Assert.Empty(byAccount.Lines);
    }

    [Fact]
    public async Task Lines_can_be_neither_changed_nor_removed_by_the_context_or_by_sql()
    {
        var owner = await factory.CreateUserAsync();
        var organisationId = await factory.CreateOrganisationAsync(owner.Id);
        await factory.GetService<KpiService>().CreateAsync(owner.Id, organisationId, new KpiRequest("NPS", KpiKind.Nps, KpiDirection.HigherIsBetter, MeasurementFrequency.Monthly));

        var changed = await Assert.ThrowsAsync<InvalidOperationException>(() => factory.WithDbAsync(async db =>
        {
            var line = await db.AuditEntries.FirstAsync(a => a.OrganisationId == organisationId);
            line.After = "rewritten";
            await db.SaveChangesAsync();
        }));
        var removed = await Assert.ThrowsAsync<InvalidOperationException>(() => factory.WithDbAsync(async db =>
        {
            db.AuditEntries.Remove(await db.AuditEntries.FirstAsync(a => a.OrganisationId == organisationId));
            await db.SaveChangesAsync();
        }));
        var updated = await Assert.ThrowsAsync<SqliteException>(() => factory.WithDbAsync(db =>
            db.AuditEntries.Where(a => a.OrganisationId == organisationId).ExecuteUpdateAsync(u => u.SetProperty(a => a.After, "rewritten"))));
        var deleted = await Assert.ThrowsAsync<SqliteException>(() => factory.WithDbAsync(db =>
            db.AuditEntries.Where(a => a.OrganisationId == organisationId).ExecuteDeleteAsync()));

        Assert.Contains("append-only", changed.Message, StringComparison.Ordinal);
        Assert.Contains("append-only", removed.Message, StringComparison.Ordinal);
        Assert.Contains("append-only", updated.Message, StringComparison.Ordinal);
        Assert.Contains("append-only", deleted.Message, StringComparison.Ordinal);
        Assert.Equal(1, await factory.WithDbAsync(db => db.AuditEntries.CountAsync(a => a.OrganisationId == organisationId && a.After != "rewritten")));
    }

    [Fact]
    public async Task A_raci_save_logs_only_the_rows_whose_letters_changed_by_their_titles()
    {
        var owner = await factory.CreateUserAsync();
        var organisationId = await factory.CreateOrganisationAsync(owner.Id);
        var projects = factory.GetService<ProjectService>();
        var refunds = await projects.CreateAsync(owner.Id, organisationId, new ProjectRequest("Fix refunds"));
        var training = await projects.CreateAsync(owner.Id, organisationId, new ProjectRequest("Train agents"));
        var raci = factory.GetService<CxMaturity.Web.Features.Raci.RaciService>();
        var matrix = await raci.GetAsync(owner.Id, organisationId);
        var (sponsor, lead) = (matrix.Roles[0].Id, matrix.Roles[1].Id);
        Dictionary<int, RaciLetter> Row(RaciLetter a, RaciLetter b) => new() { [sponsor] = a, [lead] = b };
        var saved = await raci.SaveAsync(owner.Id, organisationId, new([new($"project:{refunds.Id}", Row(RaciLetter.A, RaciLetter.R)), new($"project:{training.Id}", Row(RaciLetter.A, RaciLetter.R))]), matrix.Version);
        await raci.SaveAsync(owner.Id, organisationId, new([new($"project:{refunds.Id}", Row(RaciLetter.A, RaciLetter.R)), new($"project:{training.Id}", Row(RaciLetter.R, RaciLetter.A))]), saved.Version);

        var line = (await factory.GetService<AuditLogService>().GetAsync(owner.Id, organisationId, new AuditFilter(Area: "RACI"))).Lines[0];

        Assert.Equal(("Train agents: Executive sponsor A, CX lead R", "Train agents: Executive sponsor R, CX lead A"), (line.Before, line.After));
    }

    [Fact]
    public async Task A_change_of_owner_is_logged_with_the_owners_names()
    {
        var owner = await factory.CreateUserAsync(displayName: "Olga Owner");
        var organisationId = await factory.CreateOrganisationAsync(owner.Id);
        var lead = await factory.CreateUserAsync(displayName: "Lee Lead");
        await factory.Organisations.AddMemberAsync(owner.Id, organisationId, lead.Email, OrganisationRole.CxLead);
        var projects = factory.GetService<ProjectService>();
        var project = await projects.CreateAsync(owner.Id, organisationId, new ProjectRequest("Fix refunds", OwnerUserId: owner.Id));
        await projects.UpdateAsync(owner.Id, project.Id, project.ToRequest() with { OwnerUserId = lead.Id }, project.Version);

        var line = (await factory.GetService<AuditLogService>().GetAsync(owner.Id, organisationId, new AuditFilter(Area: "Project"))).Lines[0];

        Assert.Equal(("Owner: Olga Owner", "Owner: Lee Lead"), (line.Before, line.After));
    }

    [Fact]
    public async Task Only_Owners_read_the_log()
    {
        var owner = await factory.CreateUserAsync();
        var organisationId = await factory.CreateOrganisationAsync(owner.Id);
        var lead = await factory.CreateUserAsync();
        await factory.Organisations.AddMemberAsync(owner.Id, organisationId, lead.Email, OrganisationRole.CxLead);
        var stranger = await factory.CreateUserAsync();
        var service = factory.GetService<AuditLogService>();

        await Assert.ThrowsAsync<ForbiddenException>(() => service.GetAsync(lead.Id, organisationId, new AuditFilter()));
        await Assert.ThrowsAsync<NotFoundException>(() => service.GetAsync(stranger.Id, organisationId, new AuditFilter()));
        var log = await service.GetAsync(owner.Id, organisationId, new AuditFilter(Area: "Membership"));
        Assert.Equal([("added", $"Member {lead.Email}", "CX lead")], log.Lines.Select(l => (l.Action, l.Subject, l.After)));
    }
}
