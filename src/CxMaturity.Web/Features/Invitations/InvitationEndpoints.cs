using System.Security.Claims;
using System.Text.Json.Serialization;
using CxMaturity.Web.Features.Api;
using Microsoft.AspNetCore.Http.HttpResults;

namespace CxMaturity.Web.Features.Invitations;

/// <summary>Invitation emails over HTTP: send them, see how far they have got, revoke a link. Owner and CX lead.</summary>
public static class InvitationEndpoints
{
    public static RouteGroupBuilder MapInvitationEndpoints(this RouteGroupBuilder api)
    {
        api.MapPost("/assessments/{id:int}/invitations", SendAsync)
            .WithTags("Assessments")
            .WithName("SendInvitations")
            .WithSummary("Emails a new personal link to every invitee who has not handed in (or to respondentIds only), in the background. Owner and CX lead.")
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict);

        api.MapGet("/assessments/{id:int}/invitations", GetAsync)
            .WithTags("Assessments")
            .WithName("GetInvitations")
            .WithSummary("How the round's invitation emails stand: sent, waiting, failing with the last error. Owner and CX lead.")
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status404NotFound);

        api.MapDelete("/assessments/{id:int}/respondents/{respondentId:int}/invitation", RevokeAsync)
            .WithTags("Assessments")
            .WithName("RevokeInvitation")
            .WithSummary("Revokes a respondent's invitation link at once. Owner and CX lead.")
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status404NotFound);
        return api;
    }

    private static async Task<Accepted<InvitationProgressView>> SendAsync(
        int id,
        SendInvitationsRequest? body,
        ClaimsPrincipal user,
        InvitationService service,
        CancellationToken cancellationToken) =>
        TypedResults.Accepted(
            $"/api/v1/assessments/{id}/invitations",
            await service.SendAsync(ApiUser.IdOf(user), id, body?.RespondentIds, cancellationToken));

    private static async Task<Ok<InvitationProgressView>> GetAsync(int id, ClaimsPrincipal user, InvitationService service, CancellationToken cancellationToken) =>
        TypedResults.Ok(await service.GetProgressAsync(ApiUser.IdOf(user), id, cancellationToken));

    private static async Task<NoContent> RevokeAsync(int id, int respondentId, ClaimsPrincipal user, InvitationService service, CancellationToken cancellationToken)
    {
        await service.RevokeAsync(ApiUser.IdOf(user), id, respondentId, cancellationToken);
        return TypedResults.NoContent();
    }
}

/// <summary>The body of <c>POST /api/v1/assessments/{id}/invitations</c>; no body, or no ids, means every invitee not handed in.</summary>
[JsonUnmappedMemberHandling(JsonUnmappedMemberHandling.Disallow)]
public sealed record SendInvitationsRequest(IReadOnlyList<int>? RespondentIds);
