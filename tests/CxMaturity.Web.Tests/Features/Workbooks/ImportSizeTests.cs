using System.Net;
using CxMaturity.Web.Features.Questionnaires;
using CxMaturity.Web.Tests.Infrastructure;
using static CxMaturity.Web.Tests.Features.Workbooks.WorkbookTestFiles;

namespace CxMaturity.Web.Tests.Features.Workbooks;

public sealed class ImportSizeTests
{
    [Fact]
    public async Task A_file_over_10_MB_that_reaches_the_import_is_refused_with_the_importers_sentence()
    {
        // The import endpoint takes bodies up to 12 MB (the API's default is 1 MB), so the importer's rule answers.
        await using var factory = new CxWebApplicationFactory();
        var org = await factory.CreateOrganisationWithRoundAsync();
        using var api = await factory.CreateApiClientAsync(org.Owner.Id);
        var respondent = (await factory.AddRespondentAsync(org.Owner.Id, org.Round.Id)).Respondent.Id;

        var problem = await (await api.ImportAsync(org.Round.Id, new byte[(10 * 1024 * 1024) + 512 * 1024], "big.xlsx"))
            .ReadAsync<ImportProblemDocument>(HttpStatusCode.UnprocessableEntity);

        Assert.Equal(
            "\"big.xlsx\" is 10.5 MB; questionnaire workbooks over 10 MB are refused. A filled questionnaire is far smaller: remove anything pasted into it and save it again.",
            Assert.Single(problem.Problems).Message);
        Assert.Empty((await factory.Questionnaires.GetAsync(RespondentRef.Member(org.Owner.Id, org.Round.Id, respondent))).Answers);
    }

    [Fact]
    public async Task A_body_over_the_import_endpoints_12_MB_limit_is_refused_with_413_and_nothing_saved()
    {
        await using var factory = new CxWebApplicationFactory();
        var org = await factory.CreateOrganisationWithRoundAsync();
        using var api = await factory.CreateApiClientAsync(org.Owner.Id);
        var respondent = (await factory.AddRespondentAsync(org.Owner.Id, org.Round.Id)).Respondent.Id;

        using var response = await api.ImportAsync(org.Round.Id, new byte[13 * 1024 * 1024], "huge.xlsx");

        var problem = await response.ReadProblemAsync(HttpStatusCode.RequestEntityTooLarge);
        Assert.Contains("larger than this endpoint accepts (12,582,912 bytes)", problem.Detail);
        Assert.Empty((await factory.Questionnaires.GetAsync(RespondentRef.Member(org.Owner.Id, org.Round.Id, respondent))).Answers);
    }
}
