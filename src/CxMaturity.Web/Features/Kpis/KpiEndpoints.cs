using System.Security.Claims;
using CxMaturity.Web.Features.Api;
using Microsoft.AspNetCore.Http.HttpResults;

namespace CxMaturity.Web.Features.Kpis;

/// <summary>KPIs and measurements over HTTP. <see cref="KpiService"/> checks the caller's role.</summary>
public static class KpiEndpoints
{
    public static RouteGroupBuilder MapKpiEndpoints(this RouteGroupBuilder api)
    {
        var kpis = api.MapGroup("/organisations/{orgId:int}/kpis").WithTags("KPIs");
        kpis.MapGet("", ListAsync)
            .WithName("ListKpis")
            .WithSummary("The organisation's KPIs, each with its measurements, status, trend and next due date, and the journey-stage coverage. Members who read results.")
            .ProducesProblem(StatusCodes.Status404NotFound);
        kpis.MapPost("", CreateAsync)
            .WithName("CreateKpi")
            .WithSummary("Defines a KPI. Owner and CX lead.")
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesValidationProblem(StatusCodes.Status422UnprocessableEntity);
        kpis.MapGet("/{kpiId:int}", GetAsync)
            .WithName("GetKpi")
            .WithSummary("One KPI with its measurements (date, value, n, marginOfError, smallSample), status, trend and nextDue.")
            .ProducesProblem(StatusCodes.Status404NotFound);
        kpis.MapPut("/{kpiId:int}", UpdateAsync)
            .WithName("UpdateKpi")
            .WithSummary("Changes a KPI's definition. Requires If-Match with the version read: 428 without, 409 when stale. Owner and CX lead.")
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict)
            .ProducesProblem(StatusCodes.Status428PreconditionRequired)
            .ProducesValidationProblem(StatusCodes.Status422UnprocessableEntity);
        kpis.MapDelete("/{kpiId:int}", DeleteAsync)
            .WithName("DeleteKpi")
            .WithSummary("Deletes a KPI and its measurements. Owner and CX lead.")
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status404NotFound);
        kpis.MapPost("/{kpiId:int}/measurements", AddMeasurementAsync)
            .WithName("AddKpiMeasurement")
            .WithSummary("{ date, value } or { date, ratings: [...] } (NPS 0–10, CSAT 1–5, CES 1–7): 201 with the value, n, marginOfError and smallSample; " +
                "422 naming every bad rating (ratings[7]) and nothing saved. Owner and CX lead.")
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesValidationProblem(StatusCodes.Status422UnprocessableEntity);
        kpis.MapDelete("/{kpiId:int}/measurements/{measurementId:int}", DeleteMeasurementAsync)
            .WithName("DeleteKpiMeasurement")
            .WithSummary("Deletes a measurement entered by mistake. Owner and CX lead.")
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status404NotFound);
        return api;
    }

    private static async Task<Ok<KpiListView>> ListAsync(int orgId, ClaimsPrincipal user, KpiService service, CancellationToken cancellationToken) =>
        TypedResults.Ok(await service.ListAsync(ApiUser.IdOf(user), orgId, cancellationToken));

    private static async Task<Ok<KpiView>> GetAsync(int orgId, int kpiId, ClaimsPrincipal user, KpiService service, CancellationToken cancellationToken) =>
        TypedResults.Ok(await service.GetAsync(ApiUser.IdOf(user), orgId, kpiId, cancellationToken));

    private static async Task<Created<KpiView>> CreateAsync(
        int orgId, KpiRequest body, ClaimsPrincipal user, KpiService service, CancellationToken cancellationToken)
    {
        var kpi = await service.CreateAsync(ApiUser.IdOf(user), orgId, body, cancellationToken);
        return TypedResults.Created($"/api/v1/organisations/{orgId}/kpis/{kpi.Id}", kpi);
    }

    private static async Task<Ok<KpiView>> UpdateAsync(
        int orgId, int kpiId, KpiRequest body, HttpRequest request, ClaimsPrincipal user, KpiService service, CancellationToken cancellationToken) =>
        TypedResults.Ok(await service.UpdateAsync(ApiUser.IdOf(user), orgId, kpiId, body, IfMatch.Required(request, "KPI"), cancellationToken));

    private static async Task<NoContent> DeleteAsync(int orgId, int kpiId, ClaimsPrincipal user, KpiService service, CancellationToken cancellationToken)
    {
        await service.DeleteAsync(ApiUser.IdOf(user), orgId, kpiId, cancellationToken);
        return TypedResults.NoContent();
    }

    private static async Task<Created<MeasurementView>> AddMeasurementAsync(
        int orgId, int kpiId, MeasurementRequest body, ClaimsPrincipal user, KpiService service, CancellationToken cancellationToken)
    {
        var measurement = await service.AddMeasurementAsync(ApiUser.IdOf(user), orgId, kpiId, body, cancellationToken);
        return TypedResults.Created($"/api/v1/organisations/{orgId}/kpis/{kpiId}", measurement);
    }

    private static async Task<NoContent> DeleteMeasurementAsync(
        int orgId, int kpiId, int measurementId, ClaimsPrincipal user, KpiService service, CancellationToken cancellationToken)
    {
        await service.DeleteMeasurementAsync(ApiUser.IdOf(user), orgId, kpiId, measurementId, cancellationToken);
        return TypedResults.NoContent();
    }
}
