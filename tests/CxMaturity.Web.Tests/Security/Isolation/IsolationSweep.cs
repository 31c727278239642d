using System.Diagnostics;
using System.Net;

namespace CxMaturity.Web.Tests.Security.Isolation;

/// <summary>One request of the sweep and what was wrong with its answer (nothing, when it passed).</summary>
public sealed record Exchange(AppRoute Route, RouteRule Rule, Caller Caller, string Method, string Url, Reply Reply, IReadOnlyList<string> Problems)
{
    public override string ToString() =>
        $"{Caller} {Method} {Url} ({Route.Key}) answered {Reply.Code}{(Reply.Location is { } location ? " to " + location : "")}: {string.Join("; ", Problems)}";
}

/// <summary>Every request the suite sent, and the victim's rows before and after the outsiders' requests.</summary>
public sealed record SweepResult(
    IReadOnlyList<AppRoute> Routes,
    IReadOnlyList<Exchange> Exchanges,
    IReadOnlyDictionary<string, string> Before,
    IReadOnlyDictionary<string, string> After,
    TimeSpan Elapsed);

/// <summary>
/// Sends every classified route, with every method it takes, as every caller, its parameters filled from the victim:
/// first the controls (the victim's own reads, an administrator on the administrators' routes), then — between two
/// snapshots of the victim's rows — the outsiders: reads first, then writes, deletions last.
/// </summary>
public static class IsolationSweep
{
    private static readonly Caller[] Outsiders = [Caller.Anonymous, Caller.RevokedToken, Caller.ForeignInvitee, Caller.SiblingInvitee, Caller.Stranger];

    public static async Task<SweepResult> RunAsync(IsolationFixture fixture)
    {
        var clock = Stopwatch.StartNew();
        var routes = IsolationRoutes.Enumerate(fixture.Factory.Services);
        var classified = routes
            .Select(route => (Route: route, Rule: IsolationRoutes.RuleFor(route)))
            .Where(r => r.Rule is not null && IsolationRoutes.UrlFor(r.Route, r.Rule, fixture, Caller.Anonymous) is not null)
            .Select(r => (r.Route, Rule: r.Rule!))
            .ToList();

        var exchanges = new List<Exchange>();
        foreach (var (route, rule) in classified)
        {
            foreach (var caller in ControlsOf(route, rule))
            {
                exchanges.Add(await SendAsync(fixture, route, rule, "GET", caller));
            }
        }

        var before = await VictimSnapshot.TakeAsync(fixture);
        var attempts = classified
            .SelectMany(r => r.Route.MethodsToSend.Select(method => (r.Route, r.Rule, Method: method)))
            .OrderBy(a => MethodOrder(a.Method))
            .SelectMany(a => Outsiders.Where(caller => caller != Caller.RevokedToken || a.Route.Kind == RouteKind.Api).Select(caller => (a.Route, a.Rule, a.Method, Caller: caller)));
        foreach (var (route, rule, method, caller) in attempts)
        {
            exchanges.Add(await SendAsync(fixture, route, rule, method, caller));
        }

        var after = await VictimSnapshot.TakeAsync(fixture);
        return new SweepResult(routes, exchanges, before, after, clock.Elapsed);
    }

    // The victim reads what is theirs; an administrator opens the administrators' routes; a public route with a
    // secret is opened with the victim's real one.
    private static IEnumerable<Caller> ControlsOf(AppRoute route, RouteRule rule)
    {
        if (!route.MethodsToSend.Contains("GET"))
        {
            yield break;
        }

        if (rule.Access is Access.OrganisationData or Access.OwnData || (rule.Access == Access.Public && rule.VictimControl))
        {
            yield return Caller.Victim;
        }
        else if (rule.Access == Access.SiteAdministrators)
        {
            yield return Caller.Administrator;
        }
    }

    private static int MethodOrder(string method) => method switch
    {
        "GET" => 0,
        "DELETE" => 2,
        _ => 1,
    };

    private static async Task<Exchange> SendAsync(IsolationFixture fixture, AppRoute route, RouteRule rule, string method, Caller caller)
    {
        var url = IsolationRoutes.UrlFor(route, rule, fixture, caller)!;
        var body = method switch
        {
            "GET" or "DELETE" => null,
            // A form post as a browser sends it, without the page's antiforgery token.
            _ when route.Kind == RouteKind.Page => new FormUrlEncodedContent([]),
            _ => rule.Body?.Invoke(fixture),
        };
        var ifMatch = rule.IfMatch is null || method is "GET" ? (Guid?)null : await rule.IfMatch(fixture);
        var reply = await fixture.SendAsync(caller, new HttpMethod(method), url, body, ifMatch);
        return new Exchange(route, rule, caller, method, url, reply, [.. Judge(fixture, route, rule, method, caller, reply)]);
    }

    /// <summary>What is wrong with <paramref name="reply"/> as an answer to <paramref name="caller"/>.</summary>
    private static IEnumerable<string> Judge(IsolationFixture fixture, AppRoute route, RouteRule rule, string method, Caller caller, Reply reply)
    {
        if (reply.Code >= 500)
        {
            yield return $"a server error ({reply.Code})";
        }

        if (caller is not (Caller.Victim or Caller.Administrator))
        {
            foreach (var (what, secret) in fixture.SecretsFor(caller))
            {
                if (reply.Body.Contains(secret, StringComparison.Ordinal) || reply.Location?.Contains(secret, StringComparison.Ordinal) == true)
                {
                    yield return $"revealed the victim's {what} \"{secret}\"";
                }
            }
        }

        if (route.Kind == RouteKind.Page && method == "POST")
        {
            if (reply.Status != HttpStatusCode.BadRequest && !reply.RedirectsTo("/Account/Login") && !reply.RedirectsTo("/Account/AccessDenied"))
            {
                yield return "a form post without an antiforgery token was not refused (400) nor sent to sign in";
            }

            yield break;
        }

        var problem = caller switch
        {
            Caller.Victim => VictimControl(fixture, route, rule, reply),
            Caller.Administrator => Success(route, rule, reply) ? null : "a site administrator could not open it (the control)",
            Caller.Stranger => Stranger(route, rule, reply),
            Caller.RevokedToken => rule.Access == Access.Public || reply.Status == HttpStatusCode.Unauthorized ? null : "a revoked token was not refused with 401",
            _ => SignedOut(route, rule, reply),
        };
        if (problem is not null)
        {
            yield return problem;
        }
    }

    private static string? VictimControl(IsolationFixture fixture, AppRoute route, RouteRule rule, Reply reply)
    {
        if (!Success(route, rule, reply))
        {
            return "the victim could not open their own data: the parameter table or the seed is wrong (the control)";
        }

        var showsSecret = fixture.Secrets.Values.Any(secret => reply.Body.Contains(secret, StringComparison.Ordinal));
        return rule.Access != Access.OwnData && rule.VictimSeesASecret && reply.IsText && !showsSecret
            ? "the victim's own answer shows none of the victim's secrets, so the outsiders' checks would prove nothing (the control)"
            : null;
    }

    private static string? Stranger(AppRoute route, RouteRule rule, Reply reply)
    {
        if (rule.Access == Access.SiteAdministrators)
        {
            return reply.RedirectsTo("/Account/AccessDenied") || reply.Status == HttpStatusCode.Forbidden || (reply.Status == HttpStatusCode.OK && reply.Has("forbidden"))
                ? null
                : "a signed-in user who is no administrator was not refused";
        }

        return rule.StrangerMeets switch
        {
            StrangerMeets.Refusal when route.Kind == RouteKind.Page => reply.Status == HttpStatusCode.OK && reply.Has("not-found")
                ? null
                : "the page did not show the not-found state to a user of another organisation",
            StrangerMeets.Refusal => reply.Status == HttpStatusCode.NotFound ? null : "a user of another organisation was not refused with 404",
            StrangerMeets.TheirOwn => Success(route, rule, reply) ? null : "a signed-in user could not open their own",
            _ => null,
        };
    }

    private static string? SignedOut(AppRoute route, RouteRule rule, Reply reply)
    {
        if (rule.Access == Access.Public || rule.OpenSignedOut)
        {
            return null;
        }

        return route.Kind == RouteKind.Api
            ? reply.Status == HttpStatusCode.Unauthorized ? null : "a caller without a token was not refused with 401"
            : reply.RedirectsTo("/Account/Login") ? null : "a caller not signed in was not sent to sign in";
    }

    // 2xx, and on a page no refusal state; or the redirect the rule expects for the caller's state.
    private static bool Success(AppRoute route, RouteRule rule, Reply reply) =>
        rule.SendsTo is { } target
            ? reply.RedirectsTo(target)
            : reply.Code is >= 200 and < 300 && (route.Kind != RouteKind.Page || (!reply.Has("not-found") && !reply.Has("forbidden")));
}
