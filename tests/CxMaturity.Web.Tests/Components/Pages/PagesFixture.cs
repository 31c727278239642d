using System.Globalization;
using CxMaturity.Web.Data;
using CxMaturity.Web.Features.Questionnaires;
using CxMaturity.Web.Features.Rounds;
using CxMaturity.Web.Tests.Infrastructure;

namespace CxMaturity.Web.Tests.Components.Pages;

/// <summary>Who opens a page: a member of each role, a user of another organisation, or nobody signed in.</summary>
public enum Visitor
{
    Anonymous,
    Owner,
    CxLead,
    Contributor,
    Viewer,
    Respondent,
    Stranger,
}

[CollectionDefinition(Name)]
public sealed class PagesCollection : ICollectionFixture<PagesFixture>
{
    public const string Name = "Pages";
}

/// <summary>
/// One organisation with a member of every role, each signed in through the sign-in form, and six rounds:
/// <list type="bullet">
/// <item>open: an invitee submitted every answer at level 2 with a comment; the Respondent member is in progress with
/// level 4 on the first question, so final and preview results differ on the first dimension (2.0 against 3.0);</item>
/// <item>closed and shared with respondents, closed and not shared, open and shared: the Respondent member submitted
/// level 3 and an invitee level 5 with a comment;</item>
/// <item>one closed while the Respondent member was still answering (level 2 on the first question);</item>
/// <item>one the Respondent member takes no part in, the newest.</item>
/// </list>
/// Another organisation's Owner plays the stranger.
/// </summary>
public sealed class PagesFixture : IAsyncLifetime
{
    public const string OrganisationName = "Harbour Lights Trading";
    public const string OpenRoundName = "Autumn pulse";
    public const string SharedClosedRoundName = "Shared baseline";
    public const string PrivateClosedRoundName = "Board only review";
    public const string SharedOpenRoundName = "Shared but still open";
    public const string ClosedMidwayRoundName = "Closed mid-way";
    public const string HiddenRoundName = "Leadership offsite";
    public const string InviteeName = "Imogen Invitee";
    public const string OtherInviteeName = "Selma Shared";
    public const string RespondentName = "Rhea Respondent";
    public const string InviteeComment = "Our churn numbers are quietly doubling";
    public const string InviteeEvidence = "board-pack-q3.pdf";
    public const string RespondentComment = "Still weighing this one";
    public const string OtherInviteeComment = "Nobody owns the complaints inbox";

    private readonly Dictionary<Visitor, PageClient> _clients = [];

    public CxWebApplicationFactory Factory { get; } = new();

    public Dictionary<Visitor, TestUser> Users { get; } = [];

    public int OrganisationId { get; private set; }

    public int OpenRoundId { get; private set; }

    public int SharedClosedRoundId { get; private set; }

    public int PrivateClosedRoundId { get; private set; }

    public int SharedOpenRoundId { get; private set; }

    public int ClosedMidwayRoundId { get; private set; }

    public int HiddenRoundId { get; private set; }

    /// <summary>The anonymous link of the invitee of the open round, who submitted.</summary>
    public string InviteePath { get; private set; } = "";

    public string FirstDimensionId => Factory.Model.Dimensions[0].Id;

    public string FirstQuestionId => Factory.Model.Dimensions[0].Questions[0].Id;

    /// <summary>Every name and word of this organisation that no outsider may read.</summary>
    public IReadOnlyList<string> Secrets { get; } =
    [
        OrganisationName, OpenRoundName, SharedClosedRoundName, PrivateClosedRoundName, SharedOpenRoundName, ClosedMidwayRoundName,
        HiddenRoundName,
        InviteeName, OtherInviteeName, RespondentName, InviteeComment, InviteeEvidence, RespondentComment, OtherInviteeComment,
    ];

    public async Task InitializeAsync()
    {
        var owner = await Factory.CreateUserAsync();
        Users[Visitor.Owner] = owner;
        OrganisationId = await Factory.CreateOrganisationAsync(owner.Id, OrganisationName);
        foreach (var visitor in new[] { Visitor.CxLead, Visitor.Contributor, Visitor.Viewer, Visitor.Respondent })
        {
            Users[visitor] = await Factory.CreateMemberAsync(OrganisationId, Enum.Parse<OrganisationRole>(visitor.ToString()));
        }

        Users[Visitor.Stranger] = (await Factory.CreateOrganisationWithRoundAsync()).Owner;

        OpenRoundId = await CreateRoundAsync(OpenRoundName, respondentsSeeResults: false);
        var invitee = await Factory.AddRespondentAsync(owner.Id, OpenRoundId, "Frontline", InviteeName);
        InviteePath = invitee.InvitationPath;
        await SubmitAsync(owner, OpenRoundId, invitee.Respondent.Id, level: 2, InviteeComment, InviteeEvidence);
        var respondent = await AddRespondentMemberAsync(OpenRoundId);
        await Factory.Questionnaires.SaveAsync(RespondentRef.Member(Users[Visitor.Respondent].Id, OpenRoundId, respondent), new SaveAnswersRequest([new AnswerInput(FirstQuestionId, 4, RespondentComment)]));

        SharedClosedRoundId = await CreateAnsweredRoundAsync(SharedClosedRoundName, respondentsSeeResults: true, close: true);
        PrivateClosedRoundId = await CreateAnsweredRoundAsync(PrivateClosedRoundName, respondentsSeeResults: false, close: true);
        SharedOpenRoundId = await CreateAnsweredRoundAsync(SharedOpenRoundName, respondentsSeeResults: true, close: false);
        ClosedMidwayRoundId = await CreateRoundAsync(ClosedMidwayRoundName, respondentsSeeResults: false);
        var midway = await AddRespondentMemberAsync(ClosedMidwayRoundId);
        await Factory.Questionnaires.SaveAsync(RespondentRef.Member(Users[Visitor.Respondent].Id, ClosedMidwayRoundId, midway), new SaveAnswersRequest([new AnswerInput(FirstQuestionId, 2)]));
        await Factory.Rounds.CloseRoundAsync(owner.Id, ClosedMidwayRoundId);
        HiddenRoundId = await CreateRoundAsync(HiddenRoundName, respondentsSeeResults: true);

        _clients[Visitor.Anonymous] = PageClient.Anonymous(Factory);
        foreach (var (visitor, user) in Users)
        {
            _clients[visitor] = await PageClient.SignInAsync(Factory, user);
        }
    }

    /// <summary>The first HTML response of <paramref name="path"/> for the visitor.</summary>
    public Task<PageResponse> GetAsync(Visitor visitor, string path) => _clients[visitor].GetAsync(path);

    public int RoundIdOf(string roundName) => roundName switch
    {
        OpenRoundName => OpenRoundId,
        SharedClosedRoundName => SharedClosedRoundId,
        PrivateClosedRoundName => PrivateClosedRoundId,
        SharedOpenRoundName => SharedOpenRoundId,
        ClosedMidwayRoundName => ClosedMidwayRoundId,
        HiddenRoundName => HiddenRoundId,
        _ => throw new ArgumentOutOfRangeException(nameof(roundName), roundName, "No such round in the fixture."),
    };

    public static string Id(int id) => id.ToString(CultureInfo.InvariantCulture);

    public async Task DisposeAsync()
    {
        foreach (var client in _clients.Values)
        {
            client.Dispose();
        }

        await Factory.DisposeAsync();
    }

    private async Task<int> CreateRoundAsync(string name, bool respondentsSeeResults) =>
        (await Factory.Rounds.CreateRoundAsync(
            Users[Visitor.Owner].Id,
            OrganisationId,
            new CreateRoundRequest(CxWebApplicationFactory.ModelId, name, RespondentsSeeResults: respondentsSeeResults))).Id;

    private async Task<int> CreateAnsweredRoundAsync(string name, bool respondentsSeeResults, bool close)
    {
        var roundId = await CreateRoundAsync(name, respondentsSeeResults);
        var invitee = await Factory.AddRespondentAsync(Users[Visitor.Owner].Id, roundId, "Frontline", OtherInviteeName);
        await SubmitAsync(Users[Visitor.Owner], roundId, invitee.Respondent.Id, level: 5, OtherInviteeComment, evidence: null);
        var respondent = await AddRespondentMemberAsync(roundId);
        await SubmitAsync(Users[Visitor.Respondent], roundId, respondent, level: 3, comment: null, evidence: null);
        if (close)
        {
            await Factory.Rounds.CloseRoundAsync(Users[Visitor.Owner].Id, roundId);
        }

        return roundId;
    }

    private async Task<int> AddRespondentMemberAsync(int roundId) =>
        (await Factory.AddRespondentAsync(Users[Visitor.Owner].Id, roundId, "Executive", RespondentName, Users[Visitor.Respondent].Email))
        .Respondent.Id;

    // Every question at one level, the first with the comment and evidence; an Owner submits an invitee's answers.
    private Task SubmitAsync(TestUser user, int roundId, int respondentId, int level, string? comment, string? evidence) =>
        Factory.Questionnaires.SaveAsync(RespondentRef.Member(user.Id, roundId, respondentId), new SaveAnswersRequest(
            [.. Factory.Model.AllQuestions.Select(q => q.Id == FirstQuestionId ? new AnswerInput(q.Id, level, comment, evidence) : new AnswerInput(q.Id, level))],
            Submit: true));
}
