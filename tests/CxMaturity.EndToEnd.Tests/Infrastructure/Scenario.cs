using CxMaturity.Assessment.Content;
using CxMaturity.Assessment.Scoring;
using CxMaturity.Web.Data;
using CxMaturity.Web.Features.Demo;
using CxMaturity.Web.Features.Models;
using CxMaturity.Web.Features.Organisations;
using CxMaturity.Web.Features.Projects;
using CxMaturity.Web.Features.Questionnaires;
using CxMaturity.Web.Features.Respondents;
using CxMaturity.Web.Features.Roadmap;
using CxMaturity.Web.Features.Results;
using CxMaturity.Web.Features.Rounds;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace CxMaturity.EndToEnd.Tests.Infrastructure;

/// <summary>Arranges data through the app's own services, as the UI would, so tests start from a known state.</summary>
public sealed class Scenario(AppServer app)
{
    public const string DemoOrganisation = "Northwind Retail (demo)";

    public MaturityModel Model =>
        app.Services.GetRequiredService<ModelCatalog>().Find("cx-maturity")
        ?? throw new InvalidOperationException("The shipped model cx-maturity is not loaded.");

    public async Task<string> DemoUserIdAsync()
    {
        using var scope = app.Services.CreateScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>();
        var user = await users.FindByEmailAsync(DemoSignInInfo.DemoEmail)
            ?? throw new InvalidOperationException("The demo user was not seeded.");
        return user.Id;
    }

    /// <summary>The demo organisation's id and its closed "2026 baseline" round's id.</summary>
    public async Task<(int OrganisationId, int RoundId)> DemoBaselineAsync()
    {
        var userId = await DemoUserIdAsync();
        using var scope = app.Services.CreateScope();
        var organisations = scope.ServiceProvider.GetRequiredService<OrganisationService>();
        var demo = (await organisations.ListForUserAsync(userId)).Single(o => o.Name == DemoOrganisation);
        var baseline = (await organisations.GetAsync(userId, demo.Id)).Rounds.Single(r => r.Name == "2026 baseline");
        return (demo.Id, baseline.Id);
    }

    public async Task<RoundResult> FinalResultsAsync(int roundId)
    {
        var userId = await DemoUserIdAsync();
        using var scope = app.Services.CreateScope();
        return (await scope.ServiceProvider.GetRequiredService<ResultsService>().GetResultsAsync(userId, roundId)).Result;
    }

    public async Task CloseRoundAsync(int roundId)
    {
        var userId = await DemoUserIdAsync();
        using var scope = app.Services.CreateScope();
        await scope.ServiceProvider.GetRequiredService<RoundService>().CloseRoundAsync(userId, roundId);
    }

    /// <summary>The demo user's stored answers in the round: question id → level (null for NotApplicable).</summary>
    public async Task<IReadOnlyDictionary<string, int?>> StoredAnswersAsync(int roundId)
    {
        var userId = await DemoUserIdAsync();
        using var scope = app.Services.CreateScope();
        var questionnaires = scope.ServiceProvider.GetRequiredService<QuestionnaireService>();
        var mine = (await questionnaires.ListMineAsync(userId)).Single(q => q.RoundId == roundId);
        var questionnaire = await questionnaires.GetAsync(RespondentRef.Member(userId, roundId, mine.RespondentId));
        return questionnaire.Answers.ToDictionary(a => a.Key, a => a.Value.Level);
    }

    /// <summary>A new organisation owned by the demo user with an open round whose only respondent is the demo user.</summary>
    public async Task<int> RoundAnsweredByDemoUserAsync(string organisationName)
    {
        var userId = await DemoUserIdAsync();
        using var scope = app.Services.CreateScope();
        var organisations = scope.ServiceProvider.GetRequiredService<OrganisationService>();
        var rounds = scope.ServiceProvider.GetRequiredService<RoundService>();
        var respondents = scope.ServiceProvider.GetRequiredService<RespondentService>();
        var organisation = await organisations.CreateAsync(userId, organisationName);
        var round = await rounds.CreateRoundAsync(userId, organisation.Id, new CreateRoundRequest("cx-maturity", "E2E round"));
        await respondents.AddRespondentAsync(userId, round.Id, new AddRespondentRequest("Dana Whitfield", DemoSignInInfo.DemoEmail, "Executive"));
        return round.Id;
    }

    /// <summary>A new organisation owned by the demo user, with a new user account as a member in each given role.</summary>
    public async Task<(int OrganisationId, IReadOnlyList<string> Emails)> OrganisationWithMembersAsync(
        string organisationName,
        params OrganisationRole[] roles)
    {
        var userId = await DemoUserIdAsync();
        using var scope = app.Services.CreateScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>();
        var organisations = scope.ServiceProvider.GetRequiredService<OrganisationService>();
        var organisation = await organisations.CreateAsync(userId, organisationName);
        var emails = new List<string>();
        foreach (var role in roles)
        {
            var email = $"{role.ToString().ToLowerInvariant()}-{Guid.NewGuid():N}@e2e.local";
            var created = await users.CreateAsync(
                new AppUser { UserName = email, Email = email, EmailConfirmed = true, DisplayName = $"E2E {role}" }, "E2e!Passw0rd");
            Assert.True(created.Succeeded, string.Join(" ", created.Errors.Select(e => e.Description)));
            await organisations.AddMemberAsync(userId, organisation.Id, email, role);
            emails.Add(email);
        }

        return (organisation.Id, emails);
    }

    /// <summary>The role of the user with this email in the organisation, or null when they are not a member.</summary>
    public async Task<OrganisationRole?> RoleOfAsync(int organisationId, string email)
    {
        var userId = await DemoUserIdAsync();
        using var scope = app.Services.CreateScope();
        var organisation = await scope.ServiceProvider.GetRequiredService<OrganisationService>().GetAsync(userId, organisationId);
        return organisation.Members!.SingleOrDefault(m => m.Email == email)?.Role;
    }

    /// <summary>The password of every user a scenario creates.</summary>
    public const string Password = "E2e!Passw0rd";

    /// <summary>A new user (password <see cref="Password"/>) who owns an organisation of each given name.</summary>
    public async Task<(string Email, IReadOnlyList<int> OrganisationIds)> UserOwningAsync(params string[] organisationNames)
    {
        using var scope = app.Services.CreateScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>();
        var organisations = scope.ServiceProvider.GetRequiredService<OrganisationService>();
        var email = $"consultant-{Guid.NewGuid():N}@e2e.local";
        var user = new AppUser { UserName = email, Email = email, EmailConfirmed = true, DisplayName = "E2E Consultant" };
        var created = await users.CreateAsync(user, Password);
        Assert.True(created.Succeeded, string.Join(" ", created.Errors.Select(e => e.Description)));
        var ids = new List<int>();
        foreach (var name in organisationNames)
        {
            ids.Add((await organisations.CreateAsync(user.Id, name)).Id);
        }

        return (email, ids);
    }

    /// <summary>
    /// What a tour of the demo needs: its two rounds, its project, a fresh invitation link into the open round, and
    /// a new user (password <see cref="Password"/>) who is a Respondent member answering the open round.
    /// </summary>
    public async Task<DemoTour> DemoTourAsync()
    {
        var userId = await DemoUserIdAsync();
        var (organisationId, baselineId) = await DemoBaselineAsync();
        using var scope = app.Services.CreateScope();
        var services = scope.ServiceProvider;
        var organisations = services.GetRequiredService<OrganisationService>();
        var respondents = services.GetRequiredService<RespondentService>();
        var followUp = (await organisations.GetAsync(userId, organisationId)).Rounds.Single(r => r.Name == "2026 follow-up");
        var project = (await services.GetRequiredService<ProjectService>().ListAsync(userId, organisationId)).First();
        var invitee = await respondents.AddRespondentAsync(
            userId, followUp.Id, new AddRespondentRequest("Tour Invitee", $"invitee-{Guid.NewGuid():N}@e2e.local", "Frontline"));

        var users = services.GetRequiredService<UserManager<AppUser>>();
        var email = $"respondent-{Guid.NewGuid():N}@e2e.local";
        var created = await users.CreateAsync(new AppUser { UserName = email, Email = email, EmailConfirmed = true, DisplayName = "Tour Respondent" }, Password);
        Assert.True(created.Succeeded, string.Join(" ", created.Errors.Select(e => e.Description)));
        await organisations.AddMemberAsync(userId, organisationId, email, OrganisationRole.Respondent);
        await respondents.AddRespondentAsync(userId, followUp.Id, new AddRespondentRequest("Tour Respondent", email, "Frontline"));

        return new DemoTour(organisationId, baselineId, followUp.Id, project.Id, invitee.InvitationPath, email);
    }

    /// <summary>
    /// An organisation where every text a person can type is a 200-character run without a space: its name, the
    /// owner's name (a new user, password <see cref="Password"/>), the rounds, respondents, comments, roadmap owner
    /// and notes, and the project. Names are written straight to the database, past the 100 characters input takes,
    /// so that the layout is proven for any stored text.
    /// </summary>
    public async Task<(string OwnerEmail, DemoTour Tour)> LongTextOrganisationAsync()
    {
        var run = new string('W', 200);
        using var scope = app.Services.CreateScope();
        var services = scope.ServiceProvider;
        var users = services.GetRequiredService<UserManager<AppUser>>();
        var email = $"long-{Guid.NewGuid():N}@e2e.local";
        var owner = new AppUser { UserName = email, Email = email, EmailConfirmed = true, DisplayName = run };
        Assert.True((await users.CreateAsync(owner, Password)).Succeeded);
        var organisations = services.GetRequiredService<OrganisationService>();
        var rounds = services.GetRequiredService<RoundService>();
        var respondents = services.GetRequiredService<RespondentService>();
        var questionnaires = services.GetRequiredService<QuestionnaireService>();
        var roadmaps = services.GetRequiredService<RoadmapService>();
        var organisation = await organisations.CreateAsync(owner.Id, "Long text");
        var closed = await rounds.CreateRoundAsync(owner.Id, organisation.Id, new CreateRoundRequest("cx-maturity", "Closed"));
        string[] groups = ["Executive", "Executive", "Executive", "Frontline", "Frontline", "Frontline"];
        for (var i = 0; i < groups.Length; i++)
        {
            var respondent = await respondents.AddRespondentAsync(
                owner.Id, closed.Id, new AddRespondentRequest($"R{i}", $"r{i}-{Guid.NewGuid():N}@e2e.local", groups[i]));
            var answers = Model.AllQuestions.Select(q => new AnswerInput(q.Id, 1 + (i + q.Id.Length) % 3, run, run)).ToList();
            await questionnaires.SaveAsync(RespondentRef.Member(owner.Id, closed.Id, respondent.Respondent.Id), new SaveAnswersRequest(answers, Submit: true));
        }

        await rounds.CloseRoundAsync(owner.Id, closed.Id);
        var roadmap = await roadmaps.GetRoadmapAsync(owner.Id, closed.Id);
        var first = roadmap.Items[0];
        await roadmaps.UpdateItemAsync(owner.Id, closed.Id, first.InitiativeId, new RoadmapItemUpdate(first.Status, null, run, run, first.Version));
        var project = await services.GetRequiredService<ProjectService>().CreateFromRoadmapItemAsync(owner.Id, closed.Id, roadmap.Items[1].InitiativeId);
        var open = await rounds.CreateRoundAsync(owner.Id, organisation.Id, new CreateRoundRequest("cx-maturity", "Open"));
        var invitee = await respondents.AddRespondentAsync(owner.Id, open.Id, new AddRespondentRequest("Invitee", $"i-{Guid.NewGuid():N}@e2e.local", "Frontline"));
        await respondents.AddRespondentAsync(owner.Id, open.Id, new AddRespondentRequest("Owner", email, "Executive"));
        await services.GetRequiredService<Web.Features.Tokens.AccessTokenService>().CreateAsync(owner.Id, new string('T', 100));

        var contexts = services.GetRequiredService<IDbContextFactory<AppDbContext>>();
        await using var db = await contexts.CreateDbContextAsync();
        await db.Organisations.Where(o => o.Id == organisation.Id).ExecuteUpdateAsync(u => u.SetProperty(o => o.Name, run));
        await db.Rounds.Where(r => r.OrganisationId == organisation.Id).ExecuteUpdateAsync(u => u.SetProperty(r => r.Name, run));
        await db.Respondents.Where(r => r.RoundId == closed.Id || r.RoundId == open.Id).ExecuteUpdateAsync(u => u.SetProperty(r => r.Name, run));
        await db.Projects.Where(p => p.Id == project.Id).ExecuteUpdateAsync(u => u.SetProperty(p => p.Title, run).SetProperty(p => p.DescriptionMarkdown, run));

        return (email, new DemoTour(organisation.Id, closed.Id, open.Id, project.Id, invitee.InvitationPath, email));
    }

    /// <summary>
    /// A new organisation owned by the demo user with an open round of invitees: some submitted (every answer 3), some
    /// in progress (one answer), some not started.
    /// </summary>
    public async Task<int> RoundWithRespondentsAsync(string organisationName, int submitted, int inProgress, int invited)
    {
        var userId = await DemoUserIdAsync();
        using var scope = app.Services.CreateScope();
        var organisations = scope.ServiceProvider.GetRequiredService<OrganisationService>();
        var rounds = scope.ServiceProvider.GetRequiredService<RoundService>();
        var respondents = scope.ServiceProvider.GetRequiredService<RespondentService>();
        var questionnaires = scope.ServiceProvider.GetRequiredService<QuestionnaireService>();
        var organisation = await organisations.CreateAsync(userId, organisationName);
        var round = await rounds.CreateRoundAsync(userId, organisation.Id, new CreateRoundRequest("cx-maturity", "E2E round"));
        var first = Model.AllQuestions.First().Id;
        for (var i = 0; i < submitted + inProgress + invited; i++)
        {
            var respondent = await respondents.AddRespondentAsync(
                userId, round.Id, new AddRespondentRequest($"Respondent {i + 1}", $"r{i}-{Guid.NewGuid():N}@e2e.local", "Frontline"));
            if (i < submitted)
            {
                await questionnaires.SaveAsync(RespondentRef.Member(userId, round.Id, respondent.Respondent.Id), new SaveAnswersRequest([.. Model.AllQuestions.Select(q => new AnswerInput(q.Id, 3))], Submit: true));
            }
            else if (i < submitted + inProgress)
            {
                await questionnaires.SaveAsync(RespondentRef.Member(userId, round.Id, respondent.Respondent.Id), new SaveAnswersRequest([new AnswerInput(first, 2)]));
            }
        }

        return round.Id;
    }

    /// <summary>A personal access token of the user with this email; answers its id.</summary>
    public async Task<int> AccessTokenAsync(string email, string name)
    {
        using var scope = app.Services.CreateScope();
        var user = await scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>().FindByEmailAsync(email)
            ?? throw new InvalidOperationException($"No user {email}.");
        return (await scope.ServiceProvider.GetRequiredService<Web.Features.Tokens.AccessTokenService>().CreateAsync(user.Id, name)).View.Id;
    }
}

/// <summary>The ids a tour of an organisation's pages fills its routes with.</summary>
public sealed record DemoTour(int OrganisationId, int ClosedRoundId, int OpenRoundId, int ProjectId, string InvitationPath, string RespondentEmail);
