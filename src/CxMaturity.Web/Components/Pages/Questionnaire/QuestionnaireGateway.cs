using CxMaturity.Web.Features.Assessments;

namespace CxMaturity.Web.Components.Pages.Questionnaire;

/// <summary>
/// How the questionnaire reaches the service: as a signed-in member, or as an invitee holding the link's secret.
/// The questionnaire itself does not care which.
/// </summary>
public interface IQuestionnaireGateway
{
    Task<QuestionnaireView> LoadAsync();

    Task<AnswerSavedView> SaveAnswerAsync(AnswerInput answer);

    Task<RespondentProgressView> SaveImportanceAsync(string dimensionId, int? rating);

    Task<RespondentProgressView> SubmitAsync();
}

public sealed class MemberQuestionnaireGateway(AssessmentService assessments, string userId, int roundId, int respondentId)
    : IQuestionnaireGateway
{
    public Task<QuestionnaireView> LoadAsync() => assessments.GetQuestionnaireAsync(userId, roundId, respondentId);

    public Task<AnswerSavedView> SaveAnswerAsync(AnswerInput answer) =>
        assessments.SaveAnswerAsync(userId, roundId, respondentId, answer);

    public Task<RespondentProgressView> SaveImportanceAsync(string dimensionId, int? rating) =>
        assessments.SaveImportanceAsync(userId, roundId, respondentId, dimensionId, rating);

    public Task<RespondentProgressView> SubmitAsync() =>
        assessments.SaveAnswersAsync(userId, roundId, respondentId, new SaveAnswersRequest([], Submit: true));
}

public sealed class InvitationQuestionnaireGateway(AssessmentService assessments, string secret) : IQuestionnaireGateway
{
    public Task<QuestionnaireView> LoadAsync() => assessments.GetInvitationQuestionnaireAsync(secret);

    public Task<AnswerSavedView> SaveAnswerAsync(AnswerInput answer) => assessments.SaveInvitationAnswerAsync(secret, answer);

    public Task<RespondentProgressView> SaveImportanceAsync(string dimensionId, int? rating) =>
        assessments.SaveInvitationImportanceAsync(secret, dimensionId, rating);

    public Task<RespondentProgressView> SubmitAsync() =>
        assessments.SaveInvitationAnswersAsync(secret, new SaveAnswersRequest([], Submit: true));
}
