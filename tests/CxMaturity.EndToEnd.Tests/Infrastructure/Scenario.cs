using CxMaturity.Assessment.Content;
using CxMaturity.Assessment.Scoring;
using CxMaturity.Web.Data;
using CxMaturity.Web.Features.Assessments;
using CxMaturity.Web.Features.Demo;
using CxMaturity.Web.Features.Models;
using CxMaturity.Web.Features.Organisations;
using Microsoft.AspNetCore.Identity;
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
        return (await scope.ServiceProvider.GetRequiredService<AssessmentService>().GetResultsAsync(userId, roundId)).Result;
    }

    public async Task CloseRoundAsync(int roundId)
    {
        var userId = await DemoUserIdAsync();
        using var scope = app.Services.CreateScope();
        await scope.ServiceProvider.GetRequiredService<AssessmentService>().CloseRoundAsync(userId, roundId);
    }

    /// <summary>The demo user's stored answers in the round: question id → level (null for NotApplicable).</summary>
    public async Task<IReadOnlyDictionary<string, int?>> StoredAnswersAsync(int roundId)
    {
        var userId = await DemoUserIdAsync();
        using var scope = app.Services.CreateScope();
        var assessments = scope.ServiceProvider.GetRequiredService<AssessmentService>();
        var mine = (await assessments.ListMyQuestionnairesAsync(userId)).Single(q => q.RoundId == roundId);
        var questionnaire = await assessments.GetQuestionnaireAsync(userId, roundId, mine.RespondentId);
        return questionnaire.Answers.ToDictionary(a => a.Key, a => a.Value.Level);
    }

    /// <summary>A new organisation owned by the demo user with an open round whose only respondent is the demo user.</summary>
    public async Task<int> RoundAnsweredByDemoUserAsync(string organisationName)
    {
        var userId = await DemoUserIdAsync();
        using var scope = app.Services.CreateScope();
        var organisations = scope.ServiceProvider.GetRequiredService<OrganisationService>();
        var assessments = scope.ServiceProvider.GetRequiredService<AssessmentService>();
        var organisation = await organisations.CreateAsync(userId, organisationName);
        var round = await assessments.CreateRoundAsync(userId, organisation.Id, new CreateRoundRequest("cx-maturity", "E2E round"));
        await assessments.AddRespondentAsync(userId, round.Id, new AddRespondentRequest("Dana Whitfield", DemoSignInInfo.DemoEmail, "Executive"));
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
}
