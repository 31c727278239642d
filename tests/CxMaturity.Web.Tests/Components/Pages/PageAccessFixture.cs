using System.Net;
using CxMaturity.Web.Data;
using CxMaturity.Web.Features.Questionnaires;
using CxMaturity.Web.Tests.Infrastructure;

namespace CxMaturity.Web.Tests.Components.Pages;

/// <summary>
/// One organisation with a member of every role and an open round: an invitee who submitted with a comment, and the
/// Respondent member half-way through. A second organisation's owner plays the stranger.
/// </summary>
public sealed class PageAccessFixture : IAsyncLifetime
{
    public const string OrganisationName = "Page Access Holdings";
    public const string InviteeName = "Imogen Invitee";
    public const string SecretComment = "Our churn numbers are quietly doubling";

    public CxWebApplicationFactory Factory { get; } = new();

    public int OrganisationId { get; private set; }

    public int RoundId { get; private set; }

    public string RoundName { get; private set; } = "";

    public Dictionary<string, string> Users { get; } = [];

    public async Task InitializeAsync()
    {
        var owner = await Factory.CreateUserAsync();
        OrganisationId = await Factory.CreateOrganisationAsync(owner.Id, OrganisationName);
        var round = await Factory.CreateRoundAsync(owner.Id, OrganisationId, "Spring pulse");
        (RoundId, RoundName) = (round.Id, round.Name);
        Users["Owner"] = owner.Id;
        foreach (var role in new[] { OrganisationRole.CxLead, OrganisationRole.Contributor, OrganisationRole.Viewer, OrganisationRole.Respondent })
        {
            Users[role.ToString()] = (await Factory.CreateMemberAsync(OrganisationId, role)).Id;
        }

        var invitee = await Factory.AddRespondentAsync(owner.Id, RoundId, "Frontline", InviteeName);
        var firstQuestion = Factory.Model.Dimensions[0].Questions[0].Id;
        await Factory.Questionnaires.SaveAsync(RespondentRef.Member(owner.Id, RoundId, invitee.Respondent.Id), new(
            Factory.Model.AllQuestions.Select(q => new AnswerInput(q.Id, 2, q.Id == firstQuestion ? SecretComment : null)).ToList(),
            Submit: true));

        var respondentEmail = (await Factory.WithDbAsync(db => Task.FromResult(db.Users.Single(u => u.Id == Users["Respondent"]).Email)))!;
        var member = await Factory.AddRespondentAsync(owner.Id, RoundId, "Executive", "Rhea Respondent", respondentEmail);
        await Factory.Questionnaires.SaveAsync(RespondentRef.Member(Users["Respondent"], RoundId, member.Respondent.Id), new SaveAnswersRequest([new(firstQuestion, 4)]));

        var stranger = await Factory.CreateOrganisationWithRoundAsync();
        Users["Stranger"] = stranger.Owner.Id;
    }

    /// <summary>The first HTML response for the page as the user sees it (pages prerender on the server).</summary>
    public async Task<(HttpStatusCode Status, string Html, string? Location)> GetPageAsync(string user, string path)
    {
        using var client = Factory.CreateClient(new() { AllowAutoRedirect = false, HandleCookies = false });
        using var request = new HttpRequestMessage(HttpMethod.Get, path);
        if (user != "Anonymous")
        {
            request.Headers.Add("Cookie", await Factory.SignInCookieAsync(Users[user]));
        }

        using var response = await client.SendAsync(request);
        return (response.StatusCode, await response.Content.ReadAsStringAsync(), response.Headers.Location?.OriginalString);
    }

    public Task DisposeAsync() => Factory.DisposeAsync().AsTask();
}
