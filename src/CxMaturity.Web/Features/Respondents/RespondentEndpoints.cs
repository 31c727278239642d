using System.Security.Claims;
using CxMaturity.Web.Features.Api;
using Microsoft.AspNetCore.Http.HttpResults;

namespace CxMaturity.Web.Features.Respondents;

/// <summary>A round's respondents over HTTP. Owner and CX lead.</summary>
public static class RespondentEndpoints
{
    public static RouteGroupBuilder MapRespondentEndpoints(this RouteGroupBuilder api)
    {
        api.MapPost("/assessments/{id:int}/respondents", AddRespondentAsync)
            .WithTags("Assessments")
            .WithName("AddAssessmentRespondent")
            .WithSummary("Adds a respondent and returns their invitation link, shown this once. Owner and CX lead.")
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict)
            .ProducesValidationProblem(StatusCodes.Status422UnprocessableEntity);
        return api;
    }

    private static async Task<Created<RespondentCreatedDto>> AddRespondentAsync(
        int id,
        AddRespondentDto body,
        HttpRequest request,
        ClaimsPrincipal user,
        RespondentService service,
        CancellationToken cancellationToken)
    {
        var created = await service.AddRespondentAsync(
            ApiUser.IdOf(user), id, new AddRespondentRequest(body.Name, body.Email, body.Group), cancellationToken);
        var link = $"{request.Scheme}://{request.Host}{request.PathBase}{created.InvitationPath}";
        return TypedResults.Created(
            $"/api/v1/assessments/{id}/respondents/{created.Respondent.Id}/answers",
            new RespondentCreatedDto(created.Respondent, link));
    }
}
