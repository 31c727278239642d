using Xunit.Abstractions;

namespace CxMaturity.Web.Tests.Security.Isolation;

/// <summary>
/// Tenant isolation, kept systematic: every route of the running app — each page component's template and each
/// endpoint of its endpoint data sources — is classified (organisation data, own data, public with a reason, site
/// administrators), is sent with every method it takes, its parameters filled from a seeded victim organisation,
/// as a user of another organisation, invitees of other rounds, someone signed out and a revoked token; none may
/// read or change the victim's data. A new route fails the suite until it is classified here, a new route
/// parameter until the table names the victim's value for it.
/// </summary>
public sealed class IsolationSuiteTests(IsolationFixture fixture, ITestOutputHelper output) : IClassFixture<IsolationFixture>
{
    private IReadOnlyList<AppRoute> Routes => IsolationRoutes.Enumerate(fixture.Factory.Services);

    [Fact]
    public void Every_page_component_is_an_enumerated_route_and_every_page_route_is_a_component()
    {
        var pageRoutes = Routes.Where(r => r.Kind == RouteKind.Page).Select(r => r.Pattern).Order(StringComparer.Ordinal);

        Assert.Equal(IsolationRoutes.PageTemplates(), pageRoutes);
    }

    [Fact]
    public void Every_route_is_classified_and_every_classification_names_a_route_that_exists()
    {
        var unclassified = Routes.Where(r => IsolationRoutes.RuleFor(r) is null).Select(r => r.Key).ToList();
        var gone = IsolationRoutes.Rules.Keys.Except(Routes.Select(r => r.Key)).ToList();

        Assert.True(
            unclassified.Count == 0,
            "Classify these routes in IsolationRoutes (organisation data, own data, public with the reason, or site administrators): " +
            string.Join(", ", unclassified));
        Assert.True(gone.Count == 0, "These classified routes no longer exist; remove or rename them in IsolationRoutes: " + string.Join(", ", gone));
        Assert.All(IsolationRoutes.Rules.Values, rule => Assert.False(string.IsNullOrWhiteSpace(rule.Reason), $"{rule.Key} says no reason."));
    }

    [Fact]
    public void Every_route_parameter_is_filled_from_the_victims_data()
    {
        var missing = Routes
            .SelectMany(route => route.RoutePattern.Parameters
                .Select(parameter => (route, parameter, key: IsolationRoutes.ParameterKey(route.RoutePattern, parameter))))
            .Where(p => !IsolationRoutes.Parameters.ContainsKey(p.key))
            .Select(p => $"{p.route.Key}: parameter '{p.parameter.Name}' (table key '{p.key}')")
            .ToList();

        Assert.True(
            missing.Count == 0,
            "Add the victim's value of these route parameters to IsolationRoutes.Parameters (and seed it in IsolationFixture): " +
            string.Join("; ", missing));
    }

    [Fact]
    public async Task Every_table_is_compared_in_the_victims_snapshot_or_said_to_hold_nothing_of_an_organisation()
    {
        var tables = await VictimSnapshot.TablesAsync(fixture);
        var compared = VictimSnapshot.VictimRows(fixture.OrganisationId).Keys;

        var unknown = tables.Except(compared).Except(VictimSnapshot.NotCompared.Keys).ToList();
        var gone = compared.Except(tables).ToList();

        Assert.True(unknown.Count == 0, "Say which rows of these tables are the victim's in VictimSnapshot.VictimRows: " + string.Join(", ", unknown));
        Assert.True(gone.Count == 0, "These tables no longer exist; remove them from VictimSnapshot.VictimRows: " + string.Join(", ", gone));
    }

    [Fact]
    public async Task The_victim_and_an_administrator_open_their_routes_so_that_the_refusals_prove_something()
    {
        var sweep = await fixture.SweepAsync();

        AssertNoProblems(sweep, Caller.Victim, Caller.Administrator);
        Assert.Contains(sweep.Exchanges, e => e.Caller == Caller.Victim);
        Assert.Contains(sweep.Exchanges, e => e.Caller == Caller.Administrator);
    }

    [Fact]
    public async Task A_user_of_another_organisation_is_refused_the_victims_data_on_every_route_and_sees_only_their_own()
    {
        var sweep = await fixture.SweepAsync();

        AssertNoProblems(sweep, Caller.Stranger);
    }

    [Fact]
    public async Task Invitees_of_other_rounds_get_nothing_of_the_victims_with_their_own_secret_or_their_links_cookies()
    {
        var sweep = await fixture.SweepAsync();

        output.WriteLine(fixture.InviteeCookies.Count == 0
            ? "Opening an invitation link sets no cookie: invitees are known by the secret in the link alone."
            : "Cookies set by invitation links, sent back by the invitees: " + string.Join("; ", fixture.InviteeCookies.Select(c => $"{c.Key}: {c.Value}")));
        AssertNoProblems(sweep, Caller.ForeignInvitee, Caller.SiblingInvitee);
    }

    [Fact]
    public async Task Someone_signed_out_is_sent_to_sign_in_or_refused_with_401_and_public_routes_reveal_nothing()
    {
        var sweep = await fixture.SweepAsync();

        AssertNoProblems(sweep, Caller.Anonymous);
    }

    [Fact]
    public async Task A_revoked_access_token_of_the_victims_owner_is_refused_with_401_on_every_API_route()
    {
        var sweep = await fixture.SweepAsync();

        AssertNoProblems(sweep, Caller.RevokedToken);
        Assert.Equal(
            sweep.Routes.Where(r => r.Kind == RouteKind.Api).Sum(r => r.MethodsToSend.Count),
            sweep.Exchanges.Count(e => e.Caller == Caller.RevokedToken));
    }

    [Fact]
    public async Task No_outsiders_request_changed_any_row_of_the_victims()
    {
        var sweep = await fixture.SweepAsync();

        var changed = sweep.Before.Keys.Where(table => sweep.Before[table] != sweep.After[table]).ToList();

        Assert.True(
            changed.Count == 0,
            "The outsiders' requests changed the victim's rows in: " +
            string.Join("\n", changed.Select(table => $"{table}\nbefore: {sweep.Before[table]}\nafter: {sweep.After[table]}")));
        Assert.All(sweep.Before.Values, rows => Assert.DoesNotContain("Planted", rows, StringComparison.Ordinal));
    }

    [Fact]
    public async Task The_suite_sends_every_route_with_every_method_as_every_outsider_and_reports_the_figures()
    {
        var sweep = await fixture.SweepAsync();

        var outsiders = sweep.Exchanges.Where(e => e.Caller is not (Caller.Victim or Caller.Administrator)).ToList();
        var notSent = sweep.Routes
            .SelectMany(route => route.MethodsToSend.Select(method => (route, method)))
            .SelectMany(r => new[] { Caller.Stranger, Caller.ForeignInvitee, Caller.SiblingInvitee, Caller.Anonymous }
                .Append(Caller.RevokedToken)
                .Where(caller => caller != Caller.RevokedToken || r.route.Kind == RouteKind.Api)
                .Select(caller => (r.route, r.method, caller)))
            .Where(r => !outsiders.Any(e => e.Route == r.route && e.Method == r.method && e.Caller == r.caller))
            .Select(r => $"{r.caller} {r.method} {r.route.Key}")
            .ToList();
        Assert.True(notSent.Count == 0, "Not sent (unclassified, or a parameter without a value): " + string.Join(", ", notSent.Take(20)));

        var byKind = sweep.Routes.GroupBy(r => r.Kind).ToDictionary(g => g.Key, g => g.Count());
        var byAccess = sweep.Routes.GroupBy(r => IsolationRoutes.RuleFor(r)!.Access).ToDictionary(g => g.Key, g => g.Count());
        var writes = outsiders.Count(e => e.Method is not "GET");
        output.WriteLine(
            $"Routes covered: {sweep.Routes.Count} (all enumerated): {byKind.GetValueOrDefault(RouteKind.Page)} pages, " +
            $"{byKind.GetValueOrDefault(RouteKind.Api)} API endpoints, {byKind.GetValueOrDefault(RouteKind.Endpoint)} other endpoints, " +
            $"{byKind.GetValueOrDefault(RouteKind.StaticFile)} static files.");
        output.WriteLine(
            "Classified: " + string.Join(", ", byAccess.OrderBy(a => a.Key).Select(a => $"{a.Value} {a.Key}")) + ".");
        output.WriteLine(
            $"Requests: {sweep.Exchanges.Count} ({outsiders.Count} by outsiders, {writes} of them POST/PUT/DELETE; " +
            $"{sweep.Exchanges.Count - outsiders.Count} controls by the victim and an administrator) in {sweep.Elapsed.TotalSeconds:0.0} s.");
        output.WriteLine(
            "By caller: " + string.Join(", ", sweep.Exchanges.GroupBy(e => e.Caller).OrderBy(g => g.Key).Select(g => $"{g.Key} {g.Count()}")) + ".");
        output.WriteLine($"Victim rows compared before and after: {sweep.Before.Count} tables, {sweep.Before.Values.Sum(RowCount)} rows.");
        Assert.True(sweep.Routes.Count > 100, $"Only {sweep.Routes.Count} routes were enumerated.");
    }

    private static int RowCount(string table) => int.Parse(table[..table.IndexOf(' ', StringComparison.Ordinal)], System.Globalization.CultureInfo.InvariantCulture);

    private static void AssertNoProblems(SweepResult sweep, params Caller[] callers)
    {
        var exchanges = sweep.Exchanges.Where(e => callers.Contains(e.Caller)).ToList();
        var failing = exchanges.Where(e => e.Problems.Count > 0).ToList();

        Assert.NotEmpty(exchanges);
        Assert.True(
            failing.Count == 0,
            $"{failing.Count} of {exchanges.Count} requests failed:\n" + string.Join("\n", failing.Take(60)));
    }
}
