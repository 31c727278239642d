using System.Globalization;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Reflection;
using System.Text;
using CxMaturity.Assessment.Roadmap;
using CxMaturity.Web.Features.CustomerGaps;
using CxMaturity.Web.Features.Invitations;
using CxMaturity.Web.Features.Kpis;
using CxMaturity.Web.Features.Organisations;
using CxMaturity.Web.Features.Projects;
using CxMaturity.Web.Features.Questionnaires;
using CxMaturity.Web.Features.Raci;
using CxMaturity.Web.Features.Respondents;
using CxMaturity.Web.Features.Roadmap;
using CxMaturity.Web.Features.Rounds;
using CxMaturity.Web.Features.Workbooks;
using CxMaturity.Web.Tests.Infrastructure;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Routing;
using Microsoft.AspNetCore.Routing.Patterns;
using Microsoft.AspNetCore.StaticAssets;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace CxMaturity.Web.Tests.Security.Isolation;

public enum RouteKind
{
    /// <summary>A routable Blazor page component.</summary>
    Page,

    /// <summary>An endpoint under <c>/api</c>: access tokens only.</summary>
    Api,

    /// <summary>Any other endpoint: downloads, links with secrets, Identity, Hangfire, Blazor's own.</summary>
    Endpoint,

    /// <summary>A file of the static-asset manifest.</summary>
    StaticFile,
}

/// <summary>Whose data a route serves, which decides what every outsider must meet there.</summary>
public enum Access
{
    /// <summary>An organisation's data: members only, by role; everyone else is refused as if it did not exist.</summary>
    OrganisationData,

    /// <summary>The caller's own data (or data the same for every user): a stranger sees only their own.</summary>
    OwnData,

    /// <summary>Open to anyone by design (each rule says why); still reveals nothing of the victim.</summary>
    Public,

    /// <summary>Site administrators only.</summary>
    SiteAdministrators,
}

/// <summary>What the Owner of another organisation meets on a route.</summary>
public enum StrangerMeets
{
    /// <summary>Refused as if the data did not exist: 404 on the API and endpoints, the not-found state on pages.</summary>
    Refusal,

    /// <summary>Served their own: 2xx, and no refusal state on a page.</summary>
    TheirOwn,

    /// <summary>Only the checks every response gets (no victim secret, no server error).</summary>
    Anything,
}

/// <summary>A route the running app answers: a page's template, or an endpoint's pattern with its methods.</summary>
public sealed record AppRoute(RouteKind Kind, string Pattern, IReadOnlyList<string> Methods, RoutePattern RoutePattern)
{
    /// <summary>How the classification names the route: <c>page /rounds/{RoundId:int}</c>, <c>GET /api/v1/…</c>.</summary>
    public string Key => Kind == RouteKind.Page ? $"page {Pattern}" : $"{string.Join(",", Methods)} {Pattern}";

    /// <summary>The methods the suite sends: a page's GET and its form POST; an endpoint's own (GET when it names none).</summary>
    public IReadOnlyList<string> MethodsToSend => Kind switch
    {
        RouteKind.Page => ["GET", "POST"],
        _ when Methods is ["*"] => ["GET"],
        _ => [.. Methods.Where(m => m != "HEAD")],
    };
}

/// <summary>How the suite treats one route: whose data it is, and what a request to it carries.</summary>
public sealed record RouteRule(string Key, Access Access, string Reason)
{
    /// <summary>A plausible body, made afresh for each request, such as the victim's own Owner would send.</summary>
    public Func<IsolationFixture, HttpContent>? Body { get; init; }

    /// <summary>The If-Match the endpoint requires: the victim row's real current version.</summary>
    public Func<IsolationFixture, Task<Guid>>? IfMatch { get; init; }

    /// <summary>A query string (without <c>?</c>).</summary>
    public Func<IsolationFixture, string>? Query { get; init; }

    /// <summary>Overrides what the stranger meets (by default: refusal on organisation data, their own on own data).</summary>
    public StrangerMeets? Stranger { get; init; }

    /// <summary>An own-data page that someone signed out may open too (the home page's pitch).</summary>
    public bool OpenSignedOut { get; init; }

    /// <summary>The victim's own GET shows one of their secrets (checked where the body is text); false where the route shows none.</summary>
    public bool VictimSeesASecret { get; init; } = true;

    /// <summary>Where the page sends a signed-in user in the state the suite's users are in (no two-factor, a password).</summary>
    public string? SendsTo { get; init; }

    /// <summary>The victim's GET with the real secret is a control for a public route.</summary>
    public bool VictimControl { get; init; }

    public StrangerMeets StrangerMeets => Stranger ?? Access switch
    {
        Access.OrganisationData => StrangerMeets.Refusal,
        Access.OwnData => StrangerMeets.TheirOwn,
        _ => StrangerMeets.Anything,
    };
}

/// <summary>
/// The routes of the running app, and the suite's classification of each: an enumerated route missing here fails
/// the suite, and so does a route parameter the table below cannot fill from the victim's data.
/// </summary>
public static class IsolationRoutes
{
    /// <summary>Why every file of the static-asset manifest is public.</summary>
    public const string StaticFileReason = "a file built into the app (CSS, scripts, images), the same for everyone";

    private const string AccountPage = "the sign-in, registration and account-recovery pages, open to anyone signed out";
    private const string OwnAccount = "the caller's own account";

    /// <summary>Every route the app answers: the endpoints of its endpoint data sources, deduplicated by key.</summary>
    public static IReadOnlyList<AppRoute> Enumerate(IServiceProvider services) =>
    [
        .. services.GetServices<EndpointDataSource>()
            .SelectMany(source => source.Endpoints)
            .OfType<RouteEndpoint>()
            .Select(endpoint => new AppRoute(KindOf(endpoint), endpoint.RoutePattern.RawText ?? "", MethodsOf(endpoint), endpoint.RoutePattern))
            .DistinctBy(route => route.Key)
            .OrderBy(route => route.Key, StringComparer.Ordinal),
    ];

    /// <summary>The route templates of every page component of the app, by reflection (<c>@page</c> is a RouteAttribute).</summary>
    public static IReadOnlyList<string> PageTemplates() =>
    [
        .. typeof(Program).Assembly.GetTypes()
            .Where(type => typeof(IComponent).IsAssignableFrom(type) && !type.IsAbstract)
            .SelectMany(type => type.GetCustomAttributes<RouteAttribute>())
            .Select(route => route.Template)
            .Distinct()
            .Order(StringComparer.Ordinal),
    ];

    /// <summary>The rule of a route, or null when it is classified nowhere. Static files are classified as a whole.</summary>
    public static RouteRule? RuleFor(AppRoute route) =>
        route.Kind == RouteKind.StaticFile
            ? new RouteRule(route.Key, Access.Public, StaticFileReason)
            : Rules.GetValueOrDefault(route.Key);

    /// <summary>The table key of a route parameter: the literal segment before it and its name, <c>kpis/{kpiId}</c>.</summary>
    public static string ParameterKey(RoutePattern pattern, RoutePatternParameterPart parameter)
    {
        var index = pattern.PathSegments.ToList().FindIndex(segment => segment.Parts.Contains(parameter));
        var previous = index > 0 && pattern.PathSegments[index - 1].IsSimple && pattern.PathSegments[index - 1].Parts[0] is RoutePatternLiteralPart literal
            ? literal.Content
            : "";
        return $"{previous}/{{{parameter.Name}}}";
    }

    /// <summary>
    /// The address of <paramref name="route"/> for <paramref name="caller"/>, every parameter filled from the victim;
    /// null when a parameter is not in <see cref="Parameters"/>.
    /// </summary>
    public static string? UrlFor(AppRoute route, RouteRule rule, IsolationFixture victim, Caller caller)
    {
        var path = new StringBuilder();
        foreach (var segment in route.RoutePattern.PathSegments)
        {
            path.Append('/');
            foreach (var part in segment.Parts)
            {
                switch (part)
                {
                    case RoutePatternLiteralPart literal:
                        path.Append(literal.Content);
                        break;
                    case RoutePatternSeparatorPart separator:
                        path.Append(separator.Content);
                        break;
                    case RoutePatternParameterPart parameter:
                        if (!Parameters.TryGetValue(ParameterKey(route.RoutePattern, parameter), out var value))
                        {
                            return null;
                        }

                        var filled = value(victim, caller);
                        path.Append(parameter.IsCatchAll ? filled : Uri.EscapeDataString(filled));
                        break;
                }
            }
        }

        if (route.Pattern.EndsWith('/') && path.Length > 1)
        {
            path.Append('/');
        }

        var query = rule.Query?.Invoke(victim);
        return (path.Length == 0 ? "/" : path.ToString()) + (string.IsNullOrEmpty(query) ? "" : "?" + query);
    }

    /// <summary>
    /// Every route parameter of the app, by the literal before it and its name, as the victim's value for each caller.
    /// Ids are the victim's own; a secret is the victim's real one for the victim, an invitee's own invitation secret
    /// for that invitee (on every route that asks for a secret), and a made-up one for everyone else.
    /// </summary>
    public static IReadOnlyDictionary<string, Func<IsolationFixture, Caller, string>> Parameters { get; } =
        new Dictionary<string, Func<IsolationFixture, Caller, string>>(StringComparer.Ordinal)
        {
            ["organisations/{orgId}"] = (v, _) => Id(v.OrganisationId),
            ["organisations/{OrganisationId}"] = (v, _) => Id(v.OrganisationId),
            ["assessments/{id}"] = (v, _) => Id(v.RoundId),
            ["rounds/{id}"] = (v, _) => Id(v.RoundId),
            ["rounds/{RoundId}"] = (v, _) => Id(v.RoundId),
            ["respondents/{respondentId}"] = (v, _) => Id(v.RespondentId),
            ["items/{initiativeId}"] = (v, _) => v.InitiativeId,
            ["projects/{id}"] = (v, _) => Id(v.ProjectId),
            ["projects/{ProjectId}"] = (v, _) => Id(v.ProjectId),
            ["kpis/{kpiId}"] = (v, _) => Id(v.KpiId),
            ["measurements/{measurementId}"] = (v, _) => Id(v.MeasurementId),
            ["customer-gaps/{gapId}"] = (v, _) => Id(v.GapId),
            ["roles/{roleId}"] = (v, _) => Id(v.RoleId),
            ["notifications/{id}"] = (v, _) => v.NotificationId.ToString(CultureInfo.InvariantCulture),
            ["models/{id}"] = (_, _) => CxWebApplicationFactory.ModelId,
            ["invitations/{Token}"] = (v, caller) => caller == Caller.Victim ? v.InvitationSecret : OwnOrWrongSecret(v, caller, 'i'),
            ["unsubscribe/{Token}"] = (v, caller) => caller == Caller.Victim ? v.UnsubscribeToken : OwnOrWrongSecret(v, caller, 'u'),
            ["unsubscribe/{token}"] = (v, caller) => caller == Caller.Victim ? v.UnsubscribeToken : OwnOrWrongSecret(v, caller, 'u'),
            ["calendar/{secret}"] = (v, caller) => caller == Caller.Victim ? v.CalendarSecret : OwnOrWrongSecret(v, caller, 'c'),
            // A backup's name is its time, not a secret: the route's protection is the administrators' policy.
            ["backups/{name}"] = (v, _) => v.BackupName,
            ["RenamePasskey/{Id}"] = (_, _) => "bm8tc3VjaC1wYXNza2V5",
            ["openapi/{documentName}"] = (_, _) => "v1",
            ["hangfire/{path}"] = (_, _) => "recurring",
            ["/{path}"] = (_, _) => "isolation-no-such-file.txt",
        };

    /// <summary>Every route but the static files, classified. Keys are <see cref="AppRoute.Key"/>.</summary>
    public static IReadOnlyDictionary<string, RouteRule> Rules { get; } = BuildRules().ToDictionary(rule => rule.Key, StringComparer.Ordinal);

    private static IEnumerable<RouteRule> BuildRules()
    {
        // Pages of an organisation's data.
        foreach (var page in new[]
                 {
                     "/organisations/{OrganisationId:int}", "/organisations/{OrganisationId:int}/results", "/organisations/{OrganisationId:int}/raci",
                     "/organisations/{OrganisationId:int}/audit", "/organisations/{OrganisationId:int}/projects", "/organisations/{OrganisationId:int}/kpis",
                     "/organisations/{OrganisationId:int}/customer-gaps", "/rounds/{RoundId:int}", "/rounds/{RoundId:int}/import",
                     "/rounds/{RoundId:int}/roadmap", "/rounds/{RoundId:int}/targets", "/rounds/{RoundId:int}/results", "/rounds/{RoundId:int}/report",
                     "/rounds/{RoundId:int}/questionnaire", "/projects/{ProjectId:int}",
                 })
        {
            yield return Organisation($"page {page}");
        }


        // Pages of the caller's own.
        yield return Own("page /", "the caller's organisations and work; signed out, the product's pitch") with { OpenSignedOut = true };
        yield return Own("page /profile", "the caller's own profile, tokens and notification choices");
        yield return Own("page /notifications", "the caller's own notifications");
        yield return Own("page /my-work", "the caller's own work across their organisations");
        yield return Own("page /portfolio", "the organisations the caller belongs to");
        foreach (var page in new[]
                 {
                     "", "/ChangePassword", "/DeletePersonalData", "/Email", "/EnableAuthenticator", "/ExternalLogins", "/Passkeys",
                     "/PersonalData", "/ResetAuthenticator", "/TwoFactorAuthentication",
                 })
        {
            yield return Own($"page /Account/Manage{page}", OwnAccount);
        }

        // Pages for another state of the account send the caller to the one for theirs.
        yield return Own("page /Account/Manage/Disable2fa", OwnAccount) with { SendsTo = "/Account/Manage/TwoFactorAuthentication" };
        yield return Own("page /Account/Manage/GenerateRecoveryCodes", OwnAccount) with { SendsTo = "/Account/Manage/TwoFactorAuthentication" };
        yield return Own("page /Account/Manage/SetPassword", OwnAccount) with { SendsTo = "/Account/Manage/ChangePassword" };
        // A passkey id of nobody's: back to the caller's own passkeys.
        yield return Own("page /Account/Manage/RenamePasskey/{Id}", OwnAccount) with { SendsTo = "/Account/Manage/Passkeys" };

        // Pages open by design.
        yield return Public("page /Error", "the error page: a request id and nothing else");
        yield return Public("page /not-found", "the not-found page");
        yield return Public("page /setup", "creates the first administrator while the site has no user, and only then");
        yield return Public("page /invitations/{Token}", "an invitee's questionnaire: the secret in the link is the credential, a wrong one is 'not valid'") with { VictimControl = true };
        yield return Public("page /unsubscribe/{Token}", "a reminder email's unsubscribe page: the sealed token is the proof, a wrong one 'does not work'") with
        {
            VictimControl = true,
            VictimSeesASecret = false,
        };
        foreach (var page in new[]
                 {
                     "AccessDenied", "ConfirmEmail", "ConfirmEmailChange", "ExternalLogin", "ForgotPassword", "ForgotPasswordConfirmation",
                     "InvalidPasswordReset", "InvalidUser", "Lockout", "Login", "LoginWith2fa", "LoginWithRecoveryCode", "Register",
                     "RegisterConfirmation", "ResendEmailConfirmation", "ResetPassword", "ResetPasswordConfirmation",
                 })
        {
            yield return Public($"page /Account/{page}", AccountPage);
        }

        // Pages of site administrators.
        yield return Administrators("page /admin/backups");
        yield return Administrators("page /admin/mail");
        yield return Administrators("page /admin/users");
        yield return Administrators("page /admin/organisations");

        // Endpoints outside the API.
        yield return Organisation("GET /downloads/rounds/{id:int}/workbook.xlsx");
        yield return Organisation("GET /downloads/rounds/{id:int}/questionnaire.xlsx") with { Query = v => $"respondentId={v.RespondentId}" };
        yield return Administrators("GET /admin/backups/{name}");
        yield return Administrators("* /hangfire/{**path}");
        yield return Public("GET /calendar/{secret}.ics", "a private calendar feed: the secret is the credential; a wrong one is 404 either way") with { VictimControl = true };
        yield return Public("POST /unsubscribe/{token}/now", "one-click unsubscribe (RFC 8058): the sealed token is the proof; a wrong one is 404");
        yield return Public("* /health", "for monitors: each check's status and a sentence, never organisation data");
        yield return Public("GET /openapi/{documentName}.json", "the API's description, built into the app; no data");
        yield return Public("GET,HEAD {**path:file}", "files outside the static-asset manifest, from wwwroot only");
        yield return Public("GET /_framework/opaque-redirect", "Blazor's redirect helper; no data");
        foreach (var blazor in new[] { "/_blazor", "/_blazor/negotiate", "/_blazor/disconnect/", "/_blazor/initializers/" })
        {
            yield return Public($"* {blazor}", "Blazor's circuit: opened by anyone, every component checks its own caller");
        }

        yield return Public("POST /Account/Logout", "signs the caller out; form post with an antiforgery token");
        yield return Public("POST /Account/PerformExternalLogin", "starts a sign-in with an external provider (none configured); form post with an antiforgery token");
        yield return Public("POST /Account/PasskeyCreationOptions", "passkey registration options of the signed-in caller only; checks the antiforgery token first (400 without)");
        yield return Public("POST /Account/PasskeyRequestOptions", "passkey sign-in options; checks the antiforgery token first (400 without)") with
        {
            Query = _ => "username=" + Uri.EscapeDataString(IsolationFixture.OwnerEmail),
        };
        yield return Own("POST /Account/Manage/LinkExternalLogin", OwnAccount) with { Stranger = StrangerMeets.Anything };
        yield return Own("POST /Account/Manage/DownloadPersonalData", "the caller's own personal data");

        // The API: the caller's own.
        yield return Own("GET /api/v1/organisations/", "the organisations the caller belongs to");
        yield return Own("POST /api/v1/organisations/", "creates an organisation the caller owns") with
        {
            Body = _ => Json(new CreateOrganisationDto("A stranger's second organisation")),
        };
        yield return Own("GET /api/v1/models/", "the maturity models shipped with the app, the same for every user");
        yield return Own("GET /api/v1/models/{id}", "a maturity model shipped with the app, the same for every user");
        yield return Own("GET /api/v1/portfolio", "the organisations the caller belongs to");
        yield return Own("GET /api/v1/my-work", "the caller's own work");
        yield return Own("GET /api/v1/notifications/", "the caller's own notifications");
        yield return Own("POST /api/v1/notifications/read-all", "marks the caller's own notifications read");
        yield return Own("POST /api/v1/notifications/{id:long}/read", "marks one of the caller's own notifications read; here the victim's") with
        {
            Stranger = StrangerMeets.Refusal,
        };

        // The API: an organisation's data.
        const string round = "/api/v1/assessments/{id:int}";
        const string organisation = "/api/v1/organisations/{orgId:int}";
        yield return Organisation($"GET {organisation}");
        yield return Organisation($"GET {organisation}/trend");
        yield return Organisation($"POST {organisation}/assessments") with
        {
            Body = _ => Json(new CreateRoundRequest(CxWebApplicationFactory.ModelId, "Planted by an intruder")),
        };
        yield return Organisation($"GET {round}");
        yield return Organisation($"POST {round}/status") with { Body = _ => Json(new ChangeStatusRequest(RoundStatus.Closed)) };
        yield return Organisation($"DELETE {round}");
        yield return Organisation($"POST {round}/respondents") with { Body = _ => Json(new AddRespondentDto("Mallory Intruder", "mallory@intruder.test", "Executive")) };
        yield return Organisation($"POST {round}/respondents/list") with { Body = _ => Text("Mallory Intruder,mallory@intruder.test,Executive\n", "text/csv") };
        yield return Organisation($"GET {round}/respondents/members");
        yield return Organisation($"POST {round}/respondents/members") with { Body = v => Json(new AddMembersRequest([v.StrangerUserId], "Executive")) };
        yield return Organisation($"PUT {round}/respondents/{{respondentId:int}}") with
        {
            Body = _ => Json(new UpdateRespondentRequest("Mallory Intruder", "mallory@intruder.test", "Executive")),
        };
        yield return Organisation($"DELETE {round}/respondents/{{respondentId:int}}");
        yield return Organisation($"POST {round}/invitations") with { Body = _ => Json(new SendInvitationsRequest(null)) };
        yield return Organisation($"GET {round}/invitations") with { VictimSeesASecret = false };
        yield return Organisation($"DELETE {round}/respondents/{{respondentId:int}}/invitation");
        yield return Organisation($"GET {round}/respondents/{{respondentId:int}}/answers/");
        yield return Organisation($"PUT {round}/respondents/{{respondentId:int}}/answers/") with
        {
            Body = v => Json(new SaveAnswersDto([new AnswerDto(v.Factory.Model.Dimensions[0].Questions[0].Id, 1, "Planted comment")], Submit: true)),
        };
        yield return Organisation($"GET {round}/results") with { Query = _ => "preview=true" };
        yield return Organisation($"PUT {round}/targets") with
        {
            Body = v => Json(v.Factory.Model.Dimensions.ToDictionary(d => d.Id, _ => 5)),
            IfMatch = v => v.VersionAsync(db => db.Rounds.Where(r => r.Id == v.RoundId).Select(r => r.Version).SingleAsync()),
        };
        yield return Organisation($"GET {round}/roadmap/");
        yield return Organisation($"PUT {round}/roadmap/items/{{initiativeId}}") with
        {
            Body = _ => Json(new RoadmapItemEditDto(RoadmapItemStatus.Rejected, null, Notes: "Planted note")),
        };
        yield return Organisation($"POST {round}/roadmap/items/{{initiativeId}}/project");
        yield return Organisation($"GET {round}/workbook.xlsx");
        yield return Organisation($"GET {round}/questionnaire.xlsx") with { Query = v => $"respondentId={v.RespondentId}" };
        yield return Organisation($"POST {round}/questionnaire-imports") with { Body = ImportForm };
        yield return Organisation($"GET {organisation}/projects");
        yield return Organisation($"POST {organisation}/projects") with { Body = _ => Json(new ProjectRequest("Planted project")) };
        yield return Organisation("GET /api/v1/projects/{id:int}");
        yield return Organisation("PUT /api/v1/projects/{id:int}") with
        {
            Body = _ => Json(new ProjectRequest("Renamed by an intruder")),
            IfMatch = v => v.VersionAsync(db => db.Projects.Where(p => p.Id == v.ProjectId).Select(p => p.Version).SingleAsync()),
        };
        yield return Organisation("DELETE /api/v1/projects/{id:int}");
        yield return Organisation($"GET {organisation}/kpis/");
        yield return Organisation($"POST {organisation}/kpis/") with { Body = _ => Json(PlantedKpi) };
        yield return Organisation($"GET {organisation}/kpis/{{kpiId:int}}");
        yield return Organisation($"PUT {organisation}/kpis/{{kpiId:int}}") with
        {
            Body = _ => Json(PlantedKpi),
            IfMatch = v => v.VersionAsync(db => db.Kpis.Where(k => k.Id == v.KpiId).Select(k => k.Version).SingleAsync()),
        };
        yield return Organisation($"DELETE {organisation}/kpis/{{kpiId:int}}");
        yield return Organisation($"POST {organisation}/kpis/{{kpiId:int}}/measurements") with
        {
            Body = _ => Json(new MeasurementRequest(DateOnly.FromDateTime(DateTime.UtcNow), Value: 1, Note: "Planted measurement")),
        };
        yield return Organisation($"DELETE {organisation}/kpis/{{kpiId:int}}/measurements/{{measurementId:int}}");
        yield return Organisation($"GET {organisation}/customer-gaps/");
        yield return Organisation($"POST {organisation}/customer-gaps/") with { Body = _ => Json(new CustomerGapRequest("Planted problem", "Process")) };
        yield return Organisation($"GET {organisation}/customer-gaps/pareto") with { VictimSeesASecret = false };
        yield return Organisation($"POST {organisation}/customer-gaps/list") with { Body = _ => Text("Planted problem;Email;Process;4\n", "text/csv") };
        yield return Organisation($"PUT {organisation}/customer-gaps/{{gapId:int}}") with
        {
            Body = _ => Json(new CustomerGapRequest("Renamed by an intruder", "Policy")),
            IfMatch = v => v.VersionAsync(db => db.CustomerGaps.Where(g => g.Id == v.GapId).Select(g => g.Version).SingleAsync()),
        };
        yield return Organisation($"DELETE {organisation}/customer-gaps/{{gapId:int}}");
        yield return Organisation($"GET {organisation}/raci");
        yield return Organisation($"PUT {organisation}/raci") with
        {
            Body = v => Json(new RaciRequest([new RaciRowRequest($"project:{v.ProjectId}", new Dictionary<int, RaciLetter> { [v.RoleId] = RaciLetter.A })])),
            IfMatch = v => v.VersionAsync(db => db.Organisations.Where(o => o.Id == v.OrganisationId).Select(o => o.RaciVersion).SingleAsync()),
        };
        yield return Organisation($"POST {organisation}/roles") with { Body = _ => Json(new RoleRequest("Planted role")) };
        yield return Organisation($"PUT {organisation}/roles/{{roleId:int}}") with
        {
            Body = _ => Json(new RoleRequest("Renamed by an intruder")),
            IfMatch = v => v.VersionAsync(db => db.GovernanceRoles.Where(r => r.Id == v.RoleId).Select(r => r.Version).SingleAsync()),
        };
        yield return Organisation($"DELETE {organisation}/roles/{{roleId:int}}");
    }

    private static KpiRequest PlantedKpi => new("Planted KPI", KpiKind.Custom, KpiDirection.HigherIsBetter, MeasurementFrequency.Monthly);

    private static RouteRule Organisation(string key) => new(key, Access.OrganisationData, "an organisation's data");

    private static RouteRule Own(string key, string reason) => new(key, Access.OwnData, reason);

    private static RouteRule Public(string key, string reason) => new(key, Access.Public, reason);

    private static RouteRule Administrators(string key) => new(key, Access.SiteAdministrators, "site administration");

    private static HttpContent Json<T>(T body) => JsonContent.Create(body, options: ApiTestExtensions.Json);

    private static HttpContent Text(string body, string mediaType) => new StringContent(body, Encoding.UTF8, mediaType);

    // The stranger's own blank workbook, aimed at the victim's respondent.
    private static HttpContent ImportForm(IsolationFixture victim)
    {
        var file = new ByteArrayContent(victim.StrangerWorkbook);
        file.Headers.ContentType = new MediaTypeHeaderValue(WorkbookFile.ContentType);
        return new MultipartFormDataContent
        {
            { file, "file", "answers.xlsx" },
            { new StringContent(Id(victim.RespondentId)), "respondentId" },
        };
    }

    // An invitee tries the one secret they hold wherever a secret is asked for; anyone else a made-up one.
    private static string OwnOrWrongSecret(IsolationFixture victim, Caller caller, char fill) => caller switch
    {
        Caller.ForeignInvitee => victim.ForeignInvitationSecret,
        Caller.SiblingInvitee => victim.SiblingInvitationSecret,
        _ => IsolationFixture.WrongSecret(fill),
    };

    private static string Id(int id) => id.ToString(CultureInfo.InvariantCulture);

    private static RouteKind KindOf(RouteEndpoint endpoint) =>
        endpoint.Metadata.GetMetadata<StaticAssetDescriptor>() is not null ? RouteKind.StaticFile
        : endpoint.Metadata.GetMetadata<Microsoft.AspNetCore.Components.Endpoints.ComponentTypeMetadata>() is not null ? RouteKind.Page
        : (endpoint.RoutePattern.RawText ?? "").StartsWith("/api/", StringComparison.OrdinalIgnoreCase) ? RouteKind.Api
        : RouteKind.Endpoint;

    private static IReadOnlyList<string> MethodsOf(RouteEndpoint endpoint) =>
        endpoint.Metadata.GetMetadata<IHttpMethodMetadata>()?.HttpMethods is { Count: > 0 } methods ? [.. methods] : ["*"];
}
