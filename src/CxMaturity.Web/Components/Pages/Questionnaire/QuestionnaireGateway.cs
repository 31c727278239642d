using CxMaturity.Web.Features.Questionnaires;

namespace CxMaturity.Web.Components.Pages.Questionnaire;

/// <summary>
/// What the questionnaire runner asks of the service, for one respondent: load, save an answer, rate a dimension,
/// hand in. A seam, so that the runner can be tested on its own.
/// </summary>
public interface IQuestionnaireGateway
{
    Task<QuestionnaireView> LoadAsync();

    Task<RespondentProgressView> SaveAnswerAsync(AnswerInput answer);

    Task<RespondentProgressView> SaveImportanceAsync(string dimensionId, int? rating);

    Task<RespondentProgressView> SubmitAsync();
}

/// <summary>
/// The questionnaire of <paramref name="who"/>: a member reaching their own (or, for an Owner or CX lead, anyone's),
/// or an invitee holding the link's secret. The runner does not care which.
/// </summary>
public sealed class QuestionnaireGateway(QuestionnaireService questionnaires, RespondentRef who) : IQuestionnaireGateway
{
    public Task<QuestionnaireView> LoadAsync() => questionnaires.GetAsync(who);

    public Task<RespondentProgressView> SaveAnswerAsync(AnswerInput answer) =>
        questionnaires.SaveAsync(who, new SaveAnswersRequest([answer]));

    public Task<RespondentProgressView> SaveImportanceAsync(string dimensionId, int? rating) =>
        questionnaires.SaveAsync(who, new SaveAnswersRequest([], Importance: new Dictionary<string, int?> { [dimensionId] = rating }));

    public Task<RespondentProgressView> SubmitAsync() => questionnaires.SaveAsync(who, new SaveAnswersRequest([], Submit: true));
}
