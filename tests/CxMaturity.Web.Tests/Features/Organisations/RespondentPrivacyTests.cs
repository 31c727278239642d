using CxMaturity.Web.Data;
using CxMaturity.Web.Tests.Infrastructure;

namespace CxMaturity.Web.Tests.Features.Organisations;

/// <summary>A Respondent sees their own round, but not how far the other respondents have got.</summary>
public sealed class RespondentPrivacyTests : IAsyncLifetime
{
    private readonly CxWebApplicationFactory _factory = new();

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync() => await _factory.DisposeAsync();

    [Fact]
    public async Task A_respondent_gets_no_progress_figures_and_an_owner_gets_them_through_services_and_the_api()
    {
        var org = await _factory.CreateOrganisationWithRoundAsync();
        var respondent = await _factory.CreateMemberAsync(org.OrganisationId, OrganisationRole.Respondent);
        await _factory.AddRespondentAsync(org.Owner.Id, org.Round.Id, "Frontline", email: respondent.Email);
        var other = await _factory.AddRespondentAsync(org.Owner.Id, org.Round.Id, "Executive");
        await _factory.AnswerAllAsync(org.Owner.Id, org.Round.Id, other.Respondent.Id, _ => 3);

        var asRespondent = Assert.Single((await _factory.Organisations.GetAsync(respondent.Id, org.OrganisationId)).Rounds);
        var listed = Assert.Single(await _factory.Organisations.ListForUserAsync(respondent.Id)).LatestRound!;
        var asOwner = Assert.Single((await _factory.Organisations.GetAsync(org.Owner.Id, org.OrganisationId)).Rounds);
        using var api = await _factory.CreateApiClientAsync(respondent.Id);
        var json = await (await api.GetAsync($"/api/v1/organisations/{org.OrganisationId}")).Content.ReadAsStringAsync();

        Assert.Equal(org.Round.Id, asRespondent.Id);
        Assert.Equal((null, null, null), (asRespondent.RespondentsSubmitted, asRespondent.RespondentsTotal, asRespondent.CompletionPercent));
        Assert.Null(listed.CompletionPercent);
        Assert.Equal((1, 2), (asOwner.RespondentsSubmitted, asOwner.RespondentsTotal));
        Assert.Equal(50.0, asOwner.CompletionPercent!.Value, 6); // one of two respondents answered every question
        Assert.Contains("\"respondentsSubmitted\":null", json);
        Assert.Contains("\"completionPercent\":null", json);
    }
}
