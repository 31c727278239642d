using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using CxMaturity.Web.Features.Kpis;
using CxMaturity.Web.Tests.Infrastructure;

namespace CxMaturity.Web.Tests.Features.Kpis;

/// <summary>KPIs over HTTP: measurements computed from ratings with their margin, every bad rating named, If-Match, roles and isolation.</summary>
public sealed class KpiApiTests(CxWebApplicationFactory factory) : IClassFixture<CxWebApplicationFactory>
{
    private static readonly DateOnly Today = DateOnly.FromDateTime(DateTime.UtcNow);

    [Fact]
    public async Task An_nps_computed_from_ratings_keeps_n_and_its_margin_and_shows_status_and_trend()
    {
        var (client, url) = await OrganisationWithNpsAsync(target: 25);

        var first = await (await client.PostJsonAsync($"{url}/measurements", new MeasurementRequest(Today.AddDays(-31), Ratings: [10, 9, 9, 10, 9, 7, 8, 8, 3, 6], Source: "Web survey")))
            .ReadAsync<MeasurementView>(HttpStatusCode.Created);

        // 5 promoters and 2 detractors of 10: NPS 30 ± 1.96 × √((0.7 − 0.09) / 10) × 100 = 48.41, a small sample.
        Assert.Equal((30.0, 10L, 48.41, true), (Math.Round(first.Value, 9), first.N!.Value, Math.Round(first.MarginOfError!.Value, 2), first.SmallSample));

        await (await client.PostJsonAsync($"{url}/measurements", new MeasurementRequest(Today, Value: 20))).ReadAsync<MeasurementView>(HttpStatusCode.Created);
        var kpi = await (await client.GetAsync(url)).ReadAsync<KpiView>();

        Assert.Equal([30.0, 20.0], kpi.Measurements.Select(m => Math.Round(m.Value, 9)));
        Assert.Equal(KpiStatus.NotMet, kpi.Status);
        // A fall of 10 inside the first measurement's margin of 48.41: no significant change.
        Assert.Equal(KpiTrendKind.NoSignificantChange, kpi.Trend.Kind);
        Assert.Equal(Today.AddMonths(1), kpi.NextDue);
        Assert.False(kpi.Overdue);
    }

    [Fact]
    public async Task Every_bad_rating_is_named_by_index_and_nothing_is_saved()
    {
        var (client, url) = await OrganisationWithNpsAsync();

        var problem = await (await client.PostJsonAsync($"{url}/measurements", new MeasurementRequest(Today, Ratings: [9, 11, 3, -1])))
            .ReadProblemAsync(HttpStatusCode.UnprocessableEntity);
        var future = await (await client.PostJsonAsync($"{url}/measurements", new MeasurementRequest(Today.AddDays(1), Value: 30)))
            .ReadProblemAsync(HttpStatusCode.UnprocessableEntity);
        var neither = await (await client.PostJsonAsync($"{url}/measurements", new MeasurementRequest(Today)))
            .ReadProblemAsync(HttpStatusCode.UnprocessableEntity);

        Assert.Equal(["ratings[1]", "ratings[3]"], problem.Errors!.Keys.Order());
        Assert.Equal(["11 is not a rating from 0 to 10."], problem.Errors["ratings[1]"]);
        Assert.StartsWith($"The measurement is dated {Today.AddDays(1):yyyy-MM-dd}, after today", future.Errors!["date"].Single(), StringComparison.Ordinal);
        Assert.Equal(["Give the value, or the ratings to compute it from."], neither.Errors!["value"]);
        Assert.Empty((await (await client.GetAsync(url)).ReadAsync<KpiView>()).Measurements);
    }

    [Fact]
    public async Task A_value_outside_the_kinds_range_and_a_kind_change_under_measurements_are_refused()
    {
        var (client, url) = await OrganisationWithNpsAsync();

        var tooHigh = await (await client.PostJsonAsync($"{url}/measurements", new MeasurementRequest(Today, Value: 250))).ReadProblemAsync(HttpStatusCode.UnprocessableEntity);
        var noDate = await (await client.SendRawAsync(HttpMethod.Post, $"{url}/measurements", """{ "value": 20 }""")).ReadProblemAsync(HttpStatusCode.UnprocessableEntity);
        var nullDate = await (await client.SendRawAsync(HttpMethod.Post, $"{url}/measurements", """{ "date": null, "value": 20 }""")).ReadProblemAsync(HttpStatusCode.UnprocessableEntity);
        await (await client.PostJsonAsync($"{url}/measurements", new MeasurementRequest(Today, Value: 20))).ReadAsync<MeasurementView>(HttpStatusCode.Created);
        var read = await (await client.GetAsync(url)).ReadAsync<KpiView>();
        var toCes = await (await client.PutJsonAsync(url, new KpiRequest("NPS", KpiKind.Ces, KpiDirection.HigherIsBetter, MeasurementFrequency.Monthly), read.Version))
            .ReadProblemAsync(HttpStatusCode.UnprocessableEntity);

        Assert.Equal(["An NPS lies between −100 and 100; 250 cannot be one."], tooHigh.Errors!["value"]);
        Assert.Contains("'date'", noDate.Detail, StringComparison.Ordinal);
        Assert.Equal(["Give the date the measurement is for."], nullDate.Errors!["date"]);
        Assert.Equal(["This KPI has measurements as NPS; define a new KPI for CES."], toCes.Errors!["kind"]);
        Assert.Single((await (await client.GetAsync(url)).ReadAsync<KpiView>()).Measurements);
    }

    [Fact]
    public async Task An_update_needs_the_version_read_428_without_it_409_when_stale()
    {
        var (client, url) = await OrganisationWithNpsAsync();
        var read = await (await client.GetAsync(url)).ReadAsync<KpiView>();
        var edit = new KpiRequest("NPS (relationship)", KpiKind.Nps, KpiDirection.HigherIsBetter, MeasurementFrequency.Quarterly, Target: 40);

        await (await client.PutJsonAsync(url, edit)).ReadProblemAsync(HttpStatusCode.PreconditionRequired);
        var saved = await (await client.PutJsonAsync(url, edit, read.Version)).ReadAsync<KpiView>();
        var stale = await (await client.PutJsonAsync(url, edit with { Name = "Overwritten" }, read.Version)).ReadProblemAsync(HttpStatusCode.Conflict);

        Assert.Equal(("NPS (relationship)", MeasurementFrequency.Quarterly, 40.0), (saved.Name, saved.Frequency, saved.Target!.Value));
        Assert.NotEqual(read.Version, saved.Version);
        Assert.Contains("Someone else changed the KPI", stale.Detail, StringComparison.Ordinal);
        Assert.Equal("NPS (relationship)", (await (await client.GetAsync(url)).ReadAsync<KpiView>()).Name);
    }

    [Fact]
    public async Task A_kpi_is_checked_field_by_field_before_it_is_created()
    {
        var owner = await factory.CreateUserAsync();
        var organisationId = await factory.CreateOrganisationAsync(owner.Id);
        var stranger = await factory.CreateUserAsync();
        using var client = await factory.CreateApiClientAsync(owner.Id);

        var problem = await (await client.PostJsonAsync(
                $"/api/v1/organisations/{organisationId}/kpis",
                new KpiRequest(" ", KpiKind.Csat, KpiDirection.HigherIsBetter, MeasurementFrequency.Monthly, JourneyStage: "Checkout", DimensionIds: ["no-such"], OwnerUserId: stranger.Id)))
            .ReadProblemAsync(HttpStatusCode.UnprocessableEntity);

        Assert.Equal(["dimensionIds", "journeyStage", "name", "ownerUserId"], problem.Errors!.Keys.Order());
        Assert.StartsWith("Choose one of the journey stages: Awareness, Discovery", problem.Errors["journeyStage"].Single(), StringComparison.Ordinal);
        Assert.Empty((await (await client.GetAsync($"/api/v1/organisations/{organisationId}/kpis")).ReadAsync<KpiListView>()).Kpis);
    }

    [Fact]
    public async Task Readers_read_managers_write_and_another_organisation_sees_nothing()
    {
        var (owner, url) = await OrganisationWithNpsAsync();
        var organisationId = int.Parse(url.Split('/')[4], System.Globalization.CultureInfo.InvariantCulture);
        var viewer = await factory.CreateMemberAsync(organisationId, OrganisationRole.Viewer);
        var stranger = await factory.CreateUserAsync();
        var elsewhere = await factory.CreateOrganisationAsync(stranger.Id);
        using var viewerClient = await factory.CreateApiClientAsync(viewer.Id);
        using var strangerClient = await factory.CreateApiClientAsync(stranger.Id);

        Assert.Single((await (await viewerClient.GetAsync($"/api/v1/organisations/{organisationId}/kpis")).ReadAsync<KpiListView>()).Kpis);
        await (await viewerClient.PostJsonAsync($"{url}/measurements", new MeasurementRequest(Today, Value: 10))).ReadProblemAsync(HttpStatusCode.Forbidden);
        await (await viewerClient.DeleteAsync(url)).ReadProblemAsync(HttpStatusCode.Forbidden);
        await (await strangerClient.GetAsync(url)).ReadProblemAsync(HttpStatusCode.NotFound);
        await (await strangerClient.PostJsonAsync($"{url}/measurements", new MeasurementRequest(Today, Value: 10))).ReadProblemAsync(HttpStatusCode.NotFound);
        // The KPI's id under the stranger's own organisation: still not found.
        var kpiId = url.Split('/')[^1];
        await (await strangerClient.GetAsync($"/api/v1/organisations/{elsewhere}/kpis/{kpiId}")).ReadProblemAsync(HttpStatusCode.NotFound);
        await (await strangerClient.PostJsonAsync($"/api/v1/organisations/{elsewhere}/kpis/{kpiId}/measurements", new MeasurementRequest(Today, Value: 10)))
            .ReadProblemAsync(HttpStatusCode.NotFound);

        Assert.Empty((await (await owner.GetAsync(url)).ReadAsync<KpiView>()).Measurements);
    }

    [Fact]
    public async Task Ratings_uploaded_as_a_csv_column_are_computed_or_every_bad_line_named()
    {
        var owner = await factory.CreateUserAsync();
        var organisationId = await factory.CreateOrganisationAsync(owner.Id);
        var kpis = factory.GetService<KpiService>();
        var csat = await kpis.CreateAsync(owner.Id, organisationId, new KpiRequest("CSAT", KpiKind.Csat, KpiDirection.HigherIsBetter, MeasurementFrequency.Monthly));

        var refused = await Assert.ThrowsAsync<ValidationException>(() => kpis.AddMeasurementFromListAsync(
            owner.Id, organisationId, csat.Id, Today, Encoding.UTF8.GetBytes("id;rating\n1;5\n2;0\n3;\n4;4\n"), "rating", "Shop", null));
        var saved = await kpis.AddMeasurementFromListAsync(
            owner.Id, organisationId, csat.Id, Today, Encoding.UTF8.GetBytes("id;rating\n1;5\n2;3\n3;4\n4;4\n"), "rating", "Shop", null);

        Assert.Equal(["line 3", "line 4"], refused.Errors.Keys.Order());
        // Three of four satisfied: 75 % ± 1.96 × √(0.75 × 0.25 / 4) × 100 = 42.44.
        Assert.Equal((75.0, 4L, 42.44), (saved.Value, saved.N!.Value, Math.Round(saved.MarginOfError!.Value, 2)));
        Assert.Single((await kpis.GetAsync(owner.Id, organisationId, csat.Id)).Measurements);
    }

    private async Task<(HttpClient Client, string Url)> OrganisationWithNpsAsync(double? target = null)
    {
        var owner = await factory.CreateUserAsync();
        var organisationId = await factory.CreateOrganisationAsync(owner.Id);
        var client = await factory.CreateApiClientAsync(owner.Id);
        var created = await (await client.PostJsonAsync(
                $"/api/v1/organisations/{organisationId}/kpis",
                new KpiRequest("NPS", KpiKind.Nps, KpiDirection.HigherIsBetter, MeasurementFrequency.Monthly, Target: target, JourneyStage: "use")))
            .ReadAsync<KpiView>(HttpStatusCode.Created);
        Assert.Equal(("Use", "points"), (created.JourneyStage, created.Unit));
        return (client, $"/api/v1/organisations/{organisationId}/kpis/{created.Id}");
    }

}
