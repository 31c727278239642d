using System.Net;
using CxMaturity.Assessment.Reminders;
using CxMaturity.Web.Data;
using CxMaturity.Web.Features.Backups;
using CxMaturity.Web.Features.CustomerGaps;
using CxMaturity.Web.Features.Kpis;
using CxMaturity.Web.Features.Notifications;
using CxMaturity.Web.Features.Projects;
using CxMaturity.Web.Features.Questionnaires;
using CxMaturity.Web.Features.Raci;
using CxMaturity.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace CxMaturity.Web.Tests.Security.Isolation;

/// <summary>Who sends a request in the isolation suite.</summary>
public enum Caller
{
    /// <summary>The victim organisation's Owner: the control, showing that each route really reaches the victim's data.</summary>
    Victim,

    /// <summary>A site administrator: the control for the administrators' routes.</summary>
    Administrator,

    /// <summary>The Owner of another organisation: their sign-in cookie outside the API, their own valid access token on it.</summary>
    Stranger,

    /// <summary>An invitee of a round of another organisation: their invitation secret, and any cookie their link set.</summary>
    ForeignInvitee,

    /// <summary>An invitee of another round of the victim's own organisation.</summary>
    SiblingInvitee,

    /// <summary>Nobody signed in, no token.</summary>
    Anonymous,

    /// <summary>An access token of the victim's Owner, revoked; sent to the API only.</summary>
    RevokedToken,
}

/// <summary>What a route answered one caller.</summary>
public sealed record Reply(HttpStatusCode Status, string Body, string? Location, string? ContentType)
{
    public int Code => (int)Status;

    /// <summary>The body is text a person or program reads (HTML, JSON, calendar), not a compressed workbook or archive.</summary>
    public bool IsText => ContentType is { } type && (type.StartsWith("text/", StringComparison.Ordinal) || type.Contains("json", StringComparison.Ordinal));

    /// <summary>The page rendered an element with this <c>data-testid</c>.</summary>
    public bool Has(string testId) => Body.Contains($"data-testid=\"{testId}\"", StringComparison.Ordinal);

    /// <summary>A redirect whose target's path is <paramref name="path"/>.</summary>
    public bool RedirectsTo(string path) =>
        Status is HttpStatusCode.Redirect or HttpStatusCode.SeeOther or HttpStatusCode.TemporaryRedirect &&
        Location is { } location &&
        new Uri(new Uri("http://localhost"), location).AbsolutePath.Equals(path, StringComparison.OrdinalIgnoreCase);
}

/// <summary>
/// One app and one victim organisation with something in every feature — a Viewer, an open round with an invitee who
/// submitted and one half-way (comments on both) and the Owner answering too, targets and a roadmap, a KPI with a measurement, a project with a milestone,
/// a customer problem, a RACI role, a notification, a calendar feed, an unsubscribe link, a backup — each named with
/// a string found nowhere else, so that a response revealing it is caught. Around it: the Owner of another
/// organisation, an invitee of that organisation's round, an invitee of a second round of the victim's organisation,
/// a site administrator, and a revoked token of the victim's Owner.
/// </summary>
public sealed class IsolationFixture : IAsyncLifetime
{
    // Unique strings of the victim's data: a response to anyone but the victim that contains one has leaked it.
    public const string OrganisationName = "Quillfeather Marsh Cooperative";
    public const string RoundName = "Lanternfish baseline";
    public const string SiblingRoundName = "Heronsgate pulse";
    public const string OwnerName = "Marguerite Okonkwo-Lindqvist";
    public const string OwnerEmail = "marguerite.okonkwo@quillfeather.test";
    public const string ViewerName = "Cordelia Fairweather-Nkemelu";
    public const string ViewerEmail = "cordelia.fairweather@quillfeather.test";
    public const string InviteeName = "Ottoline Vantongeren";
    public const string InviteeEmail = "ottoline.vantongeren@quillfeather.test";
    public const string HalfwayName = "Barnaby Quenneville";
    public const string HalfwayEmail = "barnaby.quenneville@quillfeather.test";
    public const string SubmittedComment = "The loyalty desk shreds complaint letters";
    public const string HalfwayComment = "Nobody reads the churn dashboard in Wexhollow";
    public const string KpiName = "Kestrelbay complaint backlog";
    public const string MeasurementNote = "Counted after the Pellworth reorganisation";
    public const string ProjectName = "Operation Saltmarsh Lantern";
    public const string MilestoneTitle = "Retire the Bramblegate call script";
    public const string GapTitle = "Refunds vanish in the Dunmarrow queue";
    public const string RoleName = "Chief Listening Officer of Vey";
    public const string RoleHolder = "Zephyrine Abernethy-Moss";
    public const string NotificationTitle = "Quarterly Thistlewick review is due";

    public const string StrangerOrganisationName = "Stranger's own organisation";

    private readonly Dictionary<Caller, string> _cookies = [];
    private readonly Dictionary<Caller, string> _signedIn = [];
    private readonly Dictionary<Caller, string> _tokens = [];
    private HttpClient _client = default!;
    private Task<SweepResult>? _sweep;

    // Hangfire's server stays off: no job may change the victim's data between the two snapshots.
    public CxWebApplicationFactory Factory { get; } = new()
    {
        Settings = new Dictionary<string, string?> { ["Jobs:RunServer"] = "false" },
    };

    public TestUser Owner { get; private set; } = default!;

    public string StrangerUserId { get; private set; } = "";

    public int OrganisationId { get; private set; }

    public int RoundId { get; private set; }

    public int SiblingRoundId { get; private set; }

    /// <summary>The invitee half-way through: answers saved, not handed in.</summary>
    public int RespondentId { get; private set; }

    public int SubmittedRespondentId { get; private set; }

    public string InitiativeId { get; private set; } = "";

    public int KpiId { get; private set; }

    public int MeasurementId { get; private set; }

    public int ProjectId { get; private set; }

    public int GapId { get; private set; }

    public int RoleId { get; private set; }

    public long NotificationId { get; private set; }

    public string InvitationSecret { get; private set; } = "";

    public string CalendarSecret { get; private set; } = "";

    public string UnsubscribeToken { get; private set; } = "";

    public string BackupName { get; private set; } = "";

    public string SiblingInvitationSecret { get; private set; } = "";

    public string ForeignInvitationSecret { get; private set; } = "";

    /// <summary>A blank questionnaire workbook of the stranger's own round: what they could upload in an attempt.</summary>
    public byte[] StrangerWorkbook { get; private set; } = [];

    /// <summary>Cookies an invitation link set, by invitee (none today: invitees are known by the secret in the link).</summary>
    public IReadOnlyDictionary<Caller, string> InviteeCookies => _cookies.Where(c => c.Key is Caller.ForeignInvitee or Caller.SiblingInvitee).ToDictionary();

    /// <summary>Every victim secret by what it is; the victim's own link secrets too.</summary>
    public IReadOnlyDictionary<string, string> Secrets { get; private set; } = new Dictionary<string, string>();

    public async Task InitializeAsync()
    {
        await SeedVictimAsync();

        var stranger = await Factory.CreateOrganisationWithRoundAsync();
        StrangerUserId = stranger.Owner.Id;
        await Factory.WithDbAsync(db => db.Organisations.Where(o => o.Id == stranger.OrganisationId)
            .ExecuteUpdateAsync(o => o.SetProperty(x => x.Name, StrangerOrganisationName)));
        var foreignInvitee = await Factory.AddRespondentAsync(stranger.Owner.Id, stranger.Round.Id, "Frontline", "Foreign invitee");
        ForeignInvitationSecret = Invitations.SecretOf(foreignInvitee);
        var sibling = await Factory.AddRespondentAsync(Owner.Id, SiblingRoundId, "Frontline", "Sibling invitee");
        SiblingInvitationSecret = Invitations.SecretOf(sibling);
        var administrator = await Factory.CreateAdministratorAsync();
        BackupName = (await Factory.GetService<BackupService>().CreateAsync(administrator.Id)).Name;

        _client = Factory.CreateClient(new() { AllowAutoRedirect = false, HandleCookies = false });
        // Signed-in callers get a cookie made afresh for every request, as a browser gets a renewed one: opening the
        // authenticator page changes the user's security stamp, which the app checks on every request.
        _signedIn[Caller.Victim] = Owner.Id;
        _signedIn[Caller.Administrator] = administrator.Id;
        _signedIn[Caller.Stranger] = stranger.Owner.Id;
        _tokens[Caller.Victim] = await Factory.CreateAccessTokenAsync(Owner.Id, "victim");
        _tokens[Caller.Stranger] = await Factory.CreateAccessTokenAsync(stranger.Owner.Id, "stranger");
        var revoked = await Factory.AccessTokens.CreateAsync(Owner.Id, "revoked");
        await Factory.AccessTokens.RevokeAsync(Owner.Id, revoked.View.Id);
        _tokens[Caller.RevokedToken] = revoked.Token;

        // Invitees are known by the secret in their link alone; should opening it ever set a cookie, they send it back.
        await KeepInvitationCookiesAsync(Caller.ForeignInvitee, ForeignInvitationSecret);
        await KeepInvitationCookiesAsync(Caller.SiblingInvitee, SiblingInvitationSecret);

        using var strangerApi = Factory.CreateClientWithToken(_tokens[Caller.Stranger]);
        StrangerWorkbook = await strangerApi.GetByteArrayAsync($"/api/v1/assessments/{stranger.Round.Id}/questionnaire.xlsx");
    }

    /// <summary>The sweep of every route as every caller, run once for all the suite's tests.</summary>
    public Task<SweepResult> SweepAsync() => _sweep ??= IsolationSweep.RunAsync(this);

    /// <summary>
    /// The victim secrets <paramref name="caller"/> must not read: all of them, bar what an invitee of the victim's
    /// other round is shown on their own questionnaire (the organisation, their round, who invited them).
    /// </summary>
    public IEnumerable<KeyValuePair<string, string>> SecretsFor(Caller caller) =>
        caller == Caller.SiblingInvitee
            ? Secrets.Where(s => s.Value is not (OrganisationName or SiblingRoundName or OwnerName))
            : Secrets;

    /// <summary>A made-up secret shaped like the real ones (43 characters of base64url).</summary>
    public static string WrongSecret(char fill) => new(fill, 43);

    /// <summary>Sends one request as <paramref name="caller"/>: a token on the API, a cookie elsewhere.</summary>
    public async Task<Reply> SendAsync(Caller caller, HttpMethod method, string url, HttpContent? body = null, Guid? ifMatch = null)
    {
        using var request = new HttpRequestMessage(method, url) { Content = body };
        var api = url.StartsWith("/api/", StringComparison.OrdinalIgnoreCase);
        if (api && _tokens.TryGetValue(caller, out var token))
        {
            request.Headers.Authorization = new("Bearer", token);
        }
        else if (!api && caller != Caller.RevokedToken && _signedIn.TryGetValue(caller, out var userId))
        {
            request.Headers.Add("Cookie", await Factory.SignInCookieAsync(userId, DateTimeOffset.UtcNow));
        }
        else if (!api && caller != Caller.RevokedToken && _cookies.TryGetValue(caller, out var cookie))
        {
            request.Headers.Add("Cookie", cookie);
        }

        if (ifMatch is { } version)
        {
            request.Headers.IfMatch.Add(new($"\"{version}\""));
        }

        using var response = await _client.SendAsync(request);
        return new Reply(
            response.StatusCode,
            await response.Content.ReadAsStringAsync(),
            response.Headers.Location?.OriginalString,
            response.Content.Headers.ContentType?.MediaType);
    }

    /// <summary>The current version of a victim row, for If-Match: an attacker who somehow knew it gains nothing either.</summary>
    public Task<Guid> VersionAsync(Func<AppDbContext, Task<Guid>> read) => Factory.WithDbAsync(read);

    public async Task DisposeAsync()
    {
        _client?.Dispose();
        await Factory.DisposeAsync();
    }

    private async Task SeedVictimAsync()
    {
        Owner = await Factory.CreateUserAsync(OwnerEmail, OwnerName);
        OrganisationId = await Factory.CreateOrganisationAsync(Owner.Id, OrganisationName);
        var viewer = await Factory.CreateUserAsync(ViewerEmail, ViewerName);
        await Factory.AddMemberAsync(OrganisationId, viewer.Id, OrganisationRole.Viewer);
        RoundId = (await Factory.CreateRoundAsync(Owner.Id, OrganisationId, RoundName)).Id;
        SiblingRoundId = (await Factory.CreateRoundAsync(Owner.Id, OrganisationId, SiblingRoundName)).Id;

        var submitted = await Factory.AddRespondentAsync(Owner.Id, RoundId, "Executive", InviteeName, InviteeEmail);
        SubmittedRespondentId = submitted.Respondent.Id;
        InvitationSecret = Invitations.SecretOf(submitted);
        var firstQuestion = Factory.Model.Dimensions[0].Questions[0].Id;
        await Factory.Questionnaires.SaveAsync(
            RespondentRef.Member(Owner.Id, RoundId, SubmittedRespondentId),
            new SaveAnswersRequest([.. Factory.Model.AllQuestions.Select(q => new AnswerInput(q.Id, 2, q.Id == firstQuestion ? SubmittedComment : null))], Submit: true));
        var halfway = await Factory.AddRespondentAsync(Owner.Id, RoundId, "Frontline", HalfwayName, HalfwayEmail);
        RespondentId = halfway.Respondent.Id;
        await Factory.Questionnaires.SaveAsync(
            RespondentRef.Member(Owner.Id, RoundId, RespondentId),
            new SaveAnswersRequest([new AnswerInput(firstQuestion, 3, HalfwayComment)]));
        // The Owner answers too, so that their own questionnaire page is a control like every other page.
        await Factory.AddRespondentAsync(Owner.Id, RoundId, "Management", OwnerName, OwnerEmail);
        await Factory.Roadmaps.SetTargetsAsync(Owner.Id, RoundId, Factory.Model.Dimensions.ToDictionary(d => d.Id, _ => 4));
        InitiativeId = (await Factory.Roadmaps.GetRoadmapAsync(Owner.Id, RoundId)).Items[0].InitiativeId;

        var kpis = Factory.GetService<KpiService>();
        KpiId = (await kpis.CreateAsync(Owner.Id, OrganisationId, new KpiRequest(
            KpiName, KpiKind.Custom, KpiDirection.LowerIsBetter, MeasurementFrequency.Monthly, Unit: "cases", OwnerUserId: Owner.Id))).Id;
        MeasurementId = (await kpis.AddMeasurementAsync(Owner.Id, OrganisationId, KpiId, new MeasurementRequest(
            DateOnly.FromDateTime(DateTime.UtcNow), Value: 41, Note: MeasurementNote))).Id;
        ProjectId = (await Factory.Projects.CreateAsync(Owner.Id, OrganisationId, new ProjectRequest(
            ProjectName,
            ProjectStatus.Planned,
            OwnerUserId: Owner.Id,
            Milestones: [new MilestoneRequest(MilestoneTitle, DateOnly.FromDateTime(DateTime.UtcNow.AddDays(30)))],
            KpiIds: [KpiId]))).Id;
        GapId = (await Factory.GetService<CustomerGapService>().AddAsync(Owner.Id, OrganisationId, new CustomerGapRequest(GapTitle, "Process", "Complaints", 3))).Id;
        RoleId = (await Factory.GetService<RaciService>().AddRoleAsync(Owner.Id, OrganisationId, new RoleRequest(RoleName, HolderName: RoleHolder))).Id;
        NotificationId = await Factory.WithDbAsync(async db =>
        {
            var notification = new Notification
            {
                UserId = Owner.Id, OrganisationId = OrganisationId, Kind = nameof(ReminderKind.KpiDue), Title = NotificationTitle,
                Link = $"/organisations/{OrganisationId}/kpis", CreatedUtc = DateTime.UtcNow,
            };
            db.Notifications.Add(notification);
            await db.SaveChangesAsync();
            return notification.Id;
        });
        var feed = await Factory.GetService<CalendarFeedService>().CreateAsync(Owner.Id);
        CalendarSecret = feed[(feed.LastIndexOf('/') + 1)..^".ics".Length];
        UnsubscribeToken = Factory.Services.GetRequiredService<UnsubscribeLinks>().PathFor(Owner.Id, ReminderKind.KpiDue)["/unsubscribe/".Length..];

        Secrets = new Dictionary<string, string>
        {
            ["organisation name"] = OrganisationName,
            ["round name"] = RoundName,
            ["name of the victim's other round"] = SiblingRoundName,
            ["Owner's name"] = OwnerName,
            ["Owner's email"] = OwnerEmail,
            ["Viewer's name"] = ViewerName,
            ["Viewer's email"] = ViewerEmail,
            ["respondent's name"] = InviteeName,
            ["respondent's email"] = InviteeEmail,
            ["half-way respondent's name"] = HalfwayName,
            ["half-way respondent's email"] = HalfwayEmail,
            ["comment"] = SubmittedComment,
            ["half-way comment"] = HalfwayComment,
            ["KPI name"] = KpiName,
            ["measurement note"] = MeasurementNote,
            ["project name"] = ProjectName,
            ["milestone title"] = MilestoneTitle,
            ["customer problem"] = GapTitle,
            ["RACI role"] = RoleName,
            ["RACI role holder"] = RoleHolder,
            ["notification title"] = NotificationTitle,
            ["invitation secret"] = InvitationSecret,
            ["calendar feed secret"] = CalendarSecret,
        };
    }

    private async Task KeepInvitationCookiesAsync(Caller invitee, string secret)
    {
        using var response = await _client.GetAsync($"/invitations/{secret}");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        if (response.Headers.TryGetValues("Set-Cookie", out var cookies))
        {
            _cookies[invitee] = string.Join("; ", cookies.Select(c => c.Split(';')[0]));
        }
    }
}
