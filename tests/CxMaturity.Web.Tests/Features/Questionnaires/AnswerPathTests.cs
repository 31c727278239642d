using CxMaturity.Web.Data;
using CxMaturity.Web.Features.Questionnaires;
using CxMaturity.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace CxMaturity.Web.Tests.Features.Questionnaires;

/// <summary>The answer path: what one saved answer costs in SQL, and two devices saving for one respondent at once.</summary>
public sealed class AnswerPathTests : IAsyncLifetime
{
    private readonly CommandRecorder _recorder = new();
    private readonly CxWebApplicationFactory _factory;

    public AnswerPathTests() =>
        _factory = new CxWebApplicationFactory
        {
            ConfigureServices = services => services.ConfigureDbContext<AppDbContext>((_, options) => options.AddInterceptors(_recorder)),
        };

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync() => await _factory.DisposeAsync();

    [Fact]
    public async Task One_more_answer_is_two_statements_and_an_answer_that_moves_the_respondent_three_with_no_count()
    {
        var organisation = await _factory.CreateOrganisationWithRoundAsync();
        var respondent = await _factory.AddRespondentAsync(organisation.Owner.Id, organisation.Round.Id);
        var who = RespondentRef.Member(organisation.Owner.Id, organisation.Round.Id, respondent.Respondent.Id);
        var strategy = _factory.Model.Dimensions[0].Questions;
        var other = _factory.Model.Dimensions[1].Questions[0];
        // The first answer of the process also reads the round's model once; it is cached after that.
        await _factory.Questionnaires.SaveAsync(who, new SaveAnswersRequest([new AnswerInput(strategy[0].Id, 2)]));

        IReadOnlyList<string> sameDimension, newDimension;
        using (var recording = _recorder.Record())
        {
            await _factory.Questionnaires.SaveAsync(who, new SaveAnswersRequest([new AnswerInput(strategy[1].Id, 3)]));
            sameDimension = recording.Commands;
        }

        using (var recording = _recorder.Record())
        {
            await _factory.Questionnaires.SaveAsync(who, new SaveAnswersRequest([new AnswerInput(other.Id, 4)]));
            newDimension = recording.Commands;
        }

        // Reading the respondent (with the round and the caller's role), then the upsert, its audit line in the same command.
        Assert.Equal(2, sameDimension.Count);
        Assert.Contains(QuestionnaireService.ResolveTag, sameDimension[0], StringComparison.Ordinal);
        Assert.StartsWith("INSERT INTO \"AuditEntries\"", sameDimension[1].TrimStart(), StringComparison.Ordinal);
        Assert.Contains("INSERT INTO \"Answers\"", sameDimension[1], StringComparison.Ordinal);
        // A new dimension also moves the respondent's resume point: one UPDATE more.
        Assert.Equal(3, newDimension.Count);
        Assert.Contains("UPDATE \"Respondents\"", newDimension[2], StringComparison.Ordinal);
        Assert.DoesNotContain(sameDimension.Concat(newDimension), c => c.Contains("COUNT(", StringComparison.OrdinalIgnoreCase));
        var saved = await _factory.Questionnaires.GetAsync(who);
        Assert.Equal((2, 3, 4), (saved.Answers[strategy[0].Id].Level, saved.Answers[strategy[1].Id].Level, saved.Answers[other.Id].Level));
        Assert.Equal(_factory.Model.Dimensions[1].Id, saved.LastDimensionId);
    }

    [Fact]
    public async Task Two_devices_saving_for_one_respondent_at_once_both_succeed_and_the_last_answer_wins()
    {
        var organisation = await _factory.CreateOrganisationWithRoundAsync();
        var respondent = await _factory.AddRespondentAsync(organisation.Owner.Id, organisation.Round.Id);
        var who = RespondentRef.Member(organisation.Owner.Id, organisation.Round.Id, respondent.Respondent.Id);
        var phone = _factory.Model.Dimensions[0].Questions[0];
        var laptop = _factory.Model.Dimensions[1].Questions[0];
        await _factory.Questionnaires.SaveAsync(who, new SaveAnswersRequest([new AnswerInput(phone.Id, 1)]));

        // The phone reads the respondent and is held there; the laptop saves in another dimension, which moves the
        // respondent's resume point (a new version); then the phone goes on and finds its read out of date.
        var held = _recorder.PauseAfter(QuestionnaireService.ResolveTag);
        var phoneSave = Task.Run(() => _factory.Questionnaires.SaveAsync(who, new SaveAnswersRequest([new AnswerInput(_factory.Model.Dimensions[2].Questions[0].Id, 5)])));
        await held.Reached.WaitAsync(TimeSpan.FromSeconds(30));
        var laptopProgress = await _factory.Questionnaires.SaveAsync(who, new SaveAnswersRequest([new AnswerInput(laptop.Id, 3)]));
        held.Release();
        var phoneProgress = await phoneSave.WaitAsync(TimeSpan.FromSeconds(30));

        var saved = await _factory.Questionnaires.GetAsync(who);
        Assert.Equal(3, saved.Answers[laptop.Id].Level);
        Assert.Equal(5, saved.Answers[_factory.Model.Dimensions[2].Questions[0].Id].Level);
        Assert.Equal(2, laptopProgress.Answered);
        // The phone's save was done again on the respondent as the laptop left it: it counts all three answers.
        Assert.Equal(3, phoneProgress.Answered);
        Assert.Equal(_factory.Model.Dimensions[2].Id, saved.LastDimensionId);

        // The same question from both, one after the other: the later answer is the one kept.
        await Task.WhenAll(
            _factory.Questionnaires.SaveAsync(who, new SaveAnswersRequest([new AnswerInput(phone.Id, 2)])),
            _factory.Questionnaires.SaveAsync(who, new SaveAnswersRequest([new AnswerInput(phone.Id, 2)])));
        await _factory.Questionnaires.SaveAsync(who, new SaveAnswersRequest([new AnswerInput(phone.Id, 4)]));
        Assert.Equal(4, (await _factory.Questionnaires.GetAsync(who)).Answers[phone.Id].Level);
        Assert.Equal(1, await _factory.WithDbAsync(db => db.Answers.CountAsync(a => a.RespondentId == respondent.Respondent.Id && a.QuestionId == phone.Id)));
    }
}
