using System.Net;
using CxMaturity.Web.Features.Workbooks;
using CxMaturity.Web.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;
using static CxMaturity.Web.Tests.Features.Workbooks.WorkbookTestFiles;

namespace CxMaturity.Web.Tests.Features.Workbooks;

public sealed class WorkbookSigningKeyTests
{
    [Fact]
    public async Task Without_a_configured_key_one_is_created_in_the_data_directory_and_kept()
    {
        await using var factory = new CxWebApplicationFactory();
        var path = Path.Combine(factory.DataDirectory, WorkbookSigningKey.FileName);
        var org = await factory.CreateOrganisationWithRoundAsync();
        using var api = await factory.CreateApiClientAsync(org.Owner.Id);

        await api.DownloadAsync(QuestionnaireUrl(org.Round.Id));
        var key = await File.ReadAllBytesAsync(path);
        await api.DownloadAsync(QuestionnaireUrl(org.Round.Id));

        Assert.Equal(32, key.Length);
        Assert.Equal(key, await File.ReadAllBytesAsync(path));
        Assert.Equal(key, factory.Services.GetRequiredService<WorkbookSigningKey>().Get());
        if (!OperatingSystem.IsWindows())
        {
            Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(path));
        }
    }

    [Fact]
    public async Task A_configured_key_signs_instead_and_workbooks_of_another_installation_are_refused()
    {
        await using var elsewhere = new CxWebApplicationFactory();
        var theirs = await elsewhere.CreateOrganisationWithRoundAsync();
        using var theirApi = await elsewhere.CreateApiClientAsync(theirs.Owner.Id);
        var foreign = Fill(await theirApi.DownloadAsync(QuestionnaireUrl(theirs.Round.Id)), elsewhere.Model, new Dictionary<string, Typed>
        {
            [elsewhere.Model.Dimensions[0].Questions[0].Id] = new(3),
        });

        var configured = Convert.ToBase64String(Enumerable.Range(1, 32).Select(i => (byte)i).ToArray());
        await using var factory = new CxWebApplicationFactory { Settings = new Dictionary<string, string?> { ["Workbooks:SigningKey"] = configured } };
        var org = await factory.CreateOrganisationWithRoundAsync();
        using var api = await factory.CreateApiClientAsync(org.Owner.Id);
        var respondent = (await factory.AddRespondentAsync(org.Owner.Id, org.Round.Id)).Respondent.Id;

        var problem = await (await api.ImportAsync(org.Round.Id, foreign, fields: new Dictionary<string, string> { ["respondentId"] = $"{respondent}" }))
            .ReadAsync<ImportProblemDocument>(HttpStatusCode.UnprocessableEntity);

        Assert.Contains("signature does not match", Assert.Single(problem.Problems).Message);
        Assert.Equal(Convert.FromBase64String(configured), factory.Services.GetRequiredService<WorkbookSigningKey>().Get());
        Assert.False(File.Exists(Path.Combine(factory.DataDirectory, WorkbookSigningKey.FileName)));
    }

    [Theory]
    [InlineData("not base64!")]
    [InlineData("c2hvcnQ=")]
    public void A_configured_key_that_is_not_base64_of_32_bytes_stops_the_app_with_a_sentence(string key)
    {
        using var factory = new CxWebApplicationFactory { Settings = new Dictionary<string, string?> { ["Workbooks:SigningKey"] = key } };

        var failure = Assert.ThrowsAny<Exception>(() => factory.Services);

        Assert.Contains("Workbooks:SigningKey is not base64 of at least 32 bytes", failure.ToString());
    }
}
