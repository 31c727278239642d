using System.Security.Claims;
using CxMaturity.Web.Features.Api;
using CxMaturity.Web.Features.Common;
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

        api.MapPost("/assessments/{id:int}/respondents/list", AddListAsync)
            .WithTags("Assessments")
            .WithName("AddAssessmentRespondentList")
            .WithSummary("Adds everyone on a CSV list (name, email, group; header optional; comma or semicolon; UTF-8) in one go, " +
                "or nobody: 422 lists every problem by line. ?check=true only checks. Owner and CX lead.")
            .Accepts<string>("text/csv", "text/plain")
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict)
            .ProducesValidationProblem(StatusCodes.Status422UnprocessableEntity);

        api.MapGet("/assessments/{id:int}/respondents/members", ListMembersToAddAsync)
            .WithTags("Assessments")
            .WithName("ListMembersToAdd")
            .WithSummary("The members of the round's organisation who do not answer it yet. Owner and CX lead.")
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status404NotFound);

        api.MapPost("/assessments/{id:int}/respondents/members", AddMembersAsync)
            .WithTags("Assessments")
            .WithName("AddMembersAsRespondents")
            .WithSummary("Adds members of the organisation to the round in one group, each linked to their account; all or none. " +
                "Owner and CX lead.")
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict)
            .ProducesValidationProblem(StatusCodes.Status422UnprocessableEntity);

        api.MapPut("/assessments/{id:int}/respondents/{respondentId:int}", UpdateAsync)
            .WithTags("Assessments")
            .WithName("UpdateAssessmentRespondent")
            .WithSummary("Changes a respondent's name, email (invitees only) and group until the round closes. Owner and CX lead.")
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict)
            .ProducesValidationProblem(StatusCodes.Status422UnprocessableEntity);

        api.MapDelete("/assessments/{id:int}/respondents/{respondentId:int}", RemoveAsync)
            .WithTags("Assessments")
            .WithName("RemoveAssessmentRespondent")
            .WithSummary("Removes a respondent who has not handed in, with their answers, until the round closes. Owner and CX lead.")
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict);
        return api;
    }

    private const int MaxListBytes = 2 * 1024 * 1024;

    private static async Task<Results<Ok<RespondentListView>, Ok<IReadOnlyList<RespondentView>>>> AddListAsync(
        int id,
        bool? check,
        HttpRequest request,
        ClaimsPrincipal user,
        RespondentService service,
        CancellationToken cancellationToken)
    {
        using var buffer = new MemoryStream();
        await request.Body.CopyToAsync(buffer, cancellationToken);
        if (buffer.Length > MaxListBytes)
        {
            throw new ValidationException(new Dictionary<string, string[]> { ["list"] = [$"A list can be at most {MaxListBytes / 1024 / 1024} MB."] });
        }

        var content = buffer.ToArray();
        return check == true
            ? TypedResults.Ok(await service.CheckListAsync(ApiUser.IdOf(user), id, content, cancellationToken))
            : TypedResults.Ok(await service.AddListAsync(ApiUser.IdOf(user), id, content, cancellationToken));
    }

    private static async Task<Ok<IReadOnlyList<MemberToAddView>>> ListMembersToAddAsync(
        int id, ClaimsPrincipal user, RespondentService service, CancellationToken cancellationToken) =>
        TypedResults.Ok(await service.ListMembersToAddAsync(ApiUser.IdOf(user), id, cancellationToken));

    private static async Task<Ok<IReadOnlyList<RespondentView>>> AddMembersAsync(
        int id, AddMembersRequest body, ClaimsPrincipal user, RespondentService service, CancellationToken cancellationToken) =>
        TypedResults.Ok(await service.AddMembersAsync(ApiUser.IdOf(user), id, body, cancellationToken));

    private static async Task<Ok<RespondentView>> UpdateAsync(
        int id,
        int respondentId,
        UpdateRespondentRequest body,
        ClaimsPrincipal user,
        RespondentService service,
        CancellationToken cancellationToken) =>
        TypedResults.Ok(await service.UpdateRespondentAsync(ApiUser.IdOf(user), id, respondentId, body, cancellationToken));

    private static async Task<NoContent> RemoveAsync(
        int id,
        int respondentId,
        ClaimsPrincipal user,
        RespondentService service,
        CancellationToken cancellationToken)
    {
        await service.RemoveRespondentAsync(ApiUser.IdOf(user), id, respondentId, cancellationToken);
        return TypedResults.NoContent();
    }

    private static async Task<Created<RespondentCreatedDto>> AddRespondentAsync(
        int id,
        AddRespondentDto body,
        PublicLinks links,
        ClaimsPrincipal user,
        RespondentService service,
        CancellationToken cancellationToken)
    {
        var created = await service.AddRespondentAsync(
            ApiUser.IdOf(user), id, new AddRespondentRequest(body.Name, body.Email, body.Group), cancellationToken);
        // Links are built from the configured public URL, never from the request's Host header (which the caller sets).
        var link = links.IsConfigured ? links.To(created.InvitationPath) : created.InvitationPath;
        return TypedResults.Created(
            $"/api/v1/assessments/{id}/respondents/{created.Respondent.Id}/answers",
            new RespondentCreatedDto(created.Respondent, link));
    }
}
