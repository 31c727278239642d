using CxMaturity.Assessment.Content;
using CxMaturity.Assessment.Roadmap;
using CxMaturity.Web.Data;
using CxMaturity.Web.Features.Access;
using CxMaturity.Web.Features.Common;
using CxMaturity.Web.Features.CustomerGaps;
using CxMaturity.Web.Features.Kpis;
using CxMaturity.Web.Features.Models;
using CxMaturity.Web.Features.Organisations;
using CxMaturity.Web.Features.Projects;
using CxMaturity.Web.Features.Questionnaires;
using CxMaturity.Web.Features.Raci;
using CxMaturity.Web.Features.Respondents;
using CxMaturity.Web.Features.Roadmap;
using CxMaturity.Web.Features.Rounds;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace CxMaturity.Web.Features.Demo;

/// <summary>
/// In Development, fills an empty database with a believable demo organisation: a closed baseline round of twelve
/// respondents across the four groups and an open follow-up round, so that every page has something to show.
/// Goes through the feature services, so the demo obeys the same rules as real use.
/// </summary>
internal sealed partial class DemoDataSeeder(
    IServiceScopeFactory scopeFactory,
    IHostEnvironment environment,
    IOptions<DemoOptions> options,
    DemoSignInInfo signIn,
    TimeProvider time,
    ILogger<DemoDataSeeder> logger) : IHostedService
{
    public const string OrganisationName = "Northwind Retail (demo)";
    public const string BaselineRoundName = "2026 baseline";
    public const string FollowUpRoundName = "2026 follow-up";
    public const string PilotRoundName = "2026 pilot";
    public const string SecondOrganisationName = "Contoso Bank (demo)";
    private const string ModelId = "cx-maturity";

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        if (!environment.IsDevelopment() || !options.Value.Enabled)
        {
            return;
        }

        await using var scope = scopeFactory.CreateAsyncScope();
        var services = scope.ServiceProvider;
        var users = services.GetRequiredService<UserManager<AppUser>>();
        var contextFactory = services.GetRequiredService<IDbContextFactory<AppDbContext>>();
        await using (var db = await contextFactory.CreateDbContextAsync(cancellationToken))
        {
            if (await db.Organisations.AnyAsync(cancellationToken))
            {
                if (await users.FindByEmailAsync(DemoSignInInfo.DemoEmail) is not null)
                {
                    Announce();
                }

                return;
            }
        }

        var catalog = services.GetRequiredService<ModelCatalog>();
        var model = catalog.Find(ModelId) ?? catalog.Models.FirstOrDefault();
        if (model is null)
        {
            return;
        }

        var demoUserId = await EnsureUserAsync(users, DemoSignInInfo.DemoEmail, "Dana Whitfield (demo)", administrator: false);
        await EnsureUserAsync(users, DemoSignInInfo.AdministratorEmail, "Site administrator (demo)", administrator: true);

        var organisations = services.GetRequiredService<OrganisationService>();
        var rounds = services.GetRequiredService<RoundService>();
        var respondents = services.GetRequiredService<RespondentService>();
        var questionnaires = services.GetRequiredService<QuestionnaireService>();
        var organisation = await organisations.CreateAsync(demoUserId, OrganisationName, cancellationToken);
        var today = DateOnly.FromDateTime(time.GetUtcNow().UtcDateTime);
        var random = new Random(2026);

        var baseline = await rounds.CreateRoundAsync(
            demoUserId,
            organisation.Id,
            new CreateRoundRequest(model.Id, BaselineRoundName, today.AddDays(-150), today.AddDays(-120), RespondentsSeeResults: true),
            cancellationToken);
        foreach (var person in Baseline)
        {
            var respondent = await respondents.AddRespondentAsync(
                demoUserId, baseline.Id, new AddRespondentRequest(person.Name, person.Email, person.Group), cancellationToken);
            var answers = DemoAnswers.For(model, person.Group, random, model.Dimensions.Count);
            await questionnaires.SaveAsync(
                RespondentRef.Member(demoUserId, baseline.Id, respondent.Respondent.Id),
                new SaveAnswersRequest(answers, Submit: true, DemoAnswers.Importance(model, random)),
                cancellationToken);
        }

        await rounds.CloseRoundAsync(demoUserId, baseline.Id, cancellationToken);
        await BackdateAsync(contextFactory, baseline.Id, today.AddDays(-150), random, cancellationToken);
        await SeedRoadmapAsync(services, demoUserId, baseline.Id, cancellationToken);

        var followUp = await rounds.CreateRoundAsync(
            demoUserId,
            organisation.Id,
            new CreateRoundRequest(model.Id, FollowUpRoundName, today.AddDays(-7), today.AddDays(21)),
            cancellationToken);
        foreach (var (person, dimensionsAnswered) in FollowUp)
        {
            var respondent = await respondents.AddRespondentAsync(
                demoUserId, followUp.Id, new AddRespondentRequest(person.Name, person.Email, person.Group), cancellationToken);
            if (dimensionsAnswered > 0)
            {
                await questionnaires.SaveAsync(
                    RespondentRef.Member(demoUserId, followUp.Id, respondent.Respondent.Id),
                    new SaveAnswersRequest(DemoAnswers.For(model, person.Group, random, dimensionsAnswered)),
                    cancellationToken);
            }
        }

        await SeedPilotAsync(services, contextFactory, model, demoUserId, organisation.Id, today, cancellationToken);
        await SeedSecondOrganisationAsync(services, contextFactory, model, demoUserId, today, cancellationToken);
        await SeedKpisAsync(services, model, demoUserId, organisation.Id, today, cancellationToken);
        await SeedProjectsAndRaciAsync(services, model, demoUserId, organisation.Id, today, cancellationToken);
        await services.GetRequiredService<CustomerGapService>()
            .ImportAsync(demoUserId, organisation.Id, System.Text.Encoding.UTF8.GetBytes(CustomerGapsCsv), cancellationToken);

        LogSeeded(OrganisationName, Baseline.Length);
        Announce();
    }

    /// <summary>
    /// A year of monthly KPIs: NPS and CSAT computed from survey ratings (the last months from a few hundred
    /// ratings, so their margins are real), CES from a small panel (small samples), churn typed in and one month
    /// behind (overdue). NPS rises by less than its margin some months, so "no significant change" shows too.
    /// </summary>
    private static async Task SeedKpisAsync(
        IServiceProvider services, MaturityModel model, string userId, int organisationId, DateOnly today, CancellationToken cancellationToken)
    {
        var kpis = services.GetRequiredService<KpiService>();
        var random = new Random(7);
        string[] dimensions = [.. model.Dimensions.Take(3).Select(d => d.Id)];
        var nps = await kpis.CreateAsync(userId, organisationId, new KpiRequest(
            "Relationship NPS", KpiKind.Nps, KpiDirection.HigherIsBetter, MeasurementFrequency.Monthly, Target: 30,
            JourneyStage: "Advocacy", DimensionIds: dimensions, OwnerUserId: userId), cancellationToken);
        var csat = await kpis.CreateAsync(userId, organisationId, new KpiRequest(
            "Support CSAT", KpiKind.Csat, KpiDirection.HigherIsBetter, MeasurementFrequency.Monthly, Target: 80,
            JourneyStage: "Use", DimensionIds: [.. model.Dimensions.Skip(3).Take(2).Select(d => d.Id)]), cancellationToken);
        var ces = await kpis.CreateAsync(userId, organisationId, new KpiRequest(
            "Checkout effort (CES)", KpiKind.Ces, KpiDirection.HigherIsBetter, MeasurementFrequency.Monthly, Target: 5.5,
            JourneyStage: "Action"), cancellationToken);
        var churn = await kpis.CreateAsync(userId, organisationId, new KpiRequest(
            "Monthly churn", KpiKind.Churn, KpiDirection.LowerIsBetter, MeasurementFrequency.Monthly, Unit: "%", Target: 1.5,
            JourneyStage: "Use", OwnerUserId: userId), cancellationToken);

        for (var month = 12; month >= 1; month--)
        {
            var date = today.AddMonths(-month).AddDays(1);
            var progress = (12 - month) / 11.0;
            var npsRatings = Ratings(random, month <= 6 ? 220 : 90, r => r < 0.28 - (0.1 * progress) ? random.Next(0, 7) : r < 0.62 - (0.08 * progress) ? random.Next(7, 9) : random.Next(9, 11));
            await kpis.AddMeasurementAsync(userId, organisationId, nps.Id, new MeasurementRequest(date, Ratings: npsRatings, Source: "Quarterly relationship survey"), cancellationToken);
            var csatRatings = Ratings(random, 150, r => r < 0.12 ? random.Next(1, 3) : r < 0.3 - (0.08 * progress) ? 3 : random.Next(4, 6));
            await kpis.AddMeasurementAsync(userId, organisationId, csat.Id, new MeasurementRequest(date, Ratings: csatRatings, Source: "Post-contact survey"), cancellationToken);
            if (month % 2 == 0)
            {
                var cesRatings = Ratings(random, 24, r => r < 0.2 ? random.Next(2, 4) : random.Next(4, 8));
                await kpis.AddMeasurementAsync(userId, organisationId, ces.Id, new MeasurementRequest(date, Ratings: cesRatings, Source: "Checkout panel"), cancellationToken);
            }

            if (month >= 2)
            {
                var value = Math.Round(2.4 - (0.7 * progress) + ((random.NextDouble() - 0.5) * 0.3), 2);
                await kpis.AddMeasurementAsync(userId, organisationId, churn.Id, new MeasurementRequest(date, Value: value, Source: "Billing system"), cancellationToken);
            }
        }
    }

    // About thirty problems in the six default causes, weighted so that two causes make up most of the score.
    private const string CustomerGapsCsv = """
        title;source;root cause;score
        Refund takes three weeks;Complaints;Process;14
        Return label has to be printed;Survey comments;Process;12
        Order changes need a phone call;Contact centre;Process;10
        Delivery slot not kept;Complaints;Process;9
        Loyalty points posted late;Survey comments;Process;7
        Address change not carried to open orders;Contact centre;Process;5
        Price match refused in store;Store feedback;Policy;3
        No refund on sale items;Complaints;Policy;2
        Twelve-month warranty only;Survey comments;Policy;1
        Stock shown online but not in store;Store feedback;Technology;11
        App logs people out at checkout;App reviews;Technology;9
        Tracking page shows old status;Contact centre;Technology;8
        Password reset email arrives late;Complaints;Technology;6
        Card declined on saved cards;App reviews;Technology;4
        Chat bot cannot hand over to a person;Survey comments;Technology;3
        Agent could not see previous contact;Contact centre;People;2
        Store staff unaware of online offer;Store feedback;People;2
        Different answers from different agents;Complaints;People;1
        Long wait at click and collect desk;Store feedback;People;1
        Promised call-back never came;Complaints;Communication;3
        Delivery delay not announced;Survey comments;Communication;2
        Terms of the loyalty scheme unclear;Survey comments;Communication;1
        Order confirmation email confusing;Contact centre;Communication;1
        Sizes differ from the size guide;Returns reasons;Product;2
        Product photos misleading;Returns reasons;Product;1
        Packaging hard to open;Survey comments;Product;1
        Spare parts not sold;Complaints;Product;1
        Assembly instructions missing steps;Returns reasons;Product;1
        No paper receipt option;Store feedback;Policy;1
        Gift cards cannot be used online;Complaints;Policy;1
        """;

    /// <summary>
    /// Projects in every status with milestones (one due in three days, one project overdue), linked to the NPS, the
    /// roles held (the demo user is the CX lead) and a RACI matrix that keeps the rule on every row.
    /// </summary>
    private static async Task SeedProjectsAndRaciAsync(
        IServiceProvider services, MaturityModel model, string userId, int organisationId, DateOnly today, CancellationToken cancellationToken)
    {
        var projects = services.GetRequiredService<ProjectService>();
        var nps = (await services.GetRequiredService<KpiService>().ListAsync(userId, organisationId, cancellationToken)).Kpis
            .Where(k => k.Kind == KpiKind.Nps).Select(k => k.Id).ToList();
        var dimension = model.Dimensions.Select(d => d.Id).ToList();
        (string Title, ProjectStatus Status, int Start, int Due, (string Title, int Due, bool Done)[] Milestones)[] plan =
        [
            ("Refunds in three days", ProjectStatus.InProgress, -60, 45, [("Map today's refund process", -40, true), ("Agree the new policy with finance", 3, false), ("Pilot in ten stores", 30, false)]),
            ("One view of the customer for agents", ProjectStatus.Planned, 14, 150, [("Choose the CRM integration", 30, false)]),
            ("Close the loop on detractors", ProjectStatus.Blocked, -90, -5, [("Call-back script", -60, true), ("Ticketing rule for scores 0–6", -20, false)]),
            ("Store staff CX training", ProjectStatus.Done, -200, -30, [("Train the trainers", -120, true), ("Roll out to all stores", -40, true)]),
            ("Journey map for returns", ProjectStatus.Proposed, 30, 90, []),
            ("Chat bot replacement", ProjectStatus.Cancelled, -150, -60, []),
        ];
        var ids = new List<int>();
        for (var i = 0; i < plan.Length; i++)
        {
            var (title, status, start, due, milestones) = plan[i];
            var project = await projects.CreateAsync(userId, organisationId, new ProjectRequest(
                title, status, $"Why: customers told us so in the register and the surveys. **Done when** the KPI moves.",
                dimension[i % dimension.Count], OwnerUserId: i % 2 == 0 ? userId : null, Owner: i % 2 == 0 ? null : "Operations team",
                StartOn: today.AddDays(start), DueOn: today.AddDays(due),
                Milestones: [.. milestones.Select(m => new MilestoneRequest(m.Title, today.AddDays(m.Due), m.Done))],
                KpiIds: i < 3 ? nps : []), cancellationToken);
            ids.Add(project.Id);
        }

        var raci = services.GetRequiredService<RaciService>();
        var view = await raci.GetAsync(userId, organisationId, cancellationToken);
        var roles = view.Roles.Select(r => r.Id).ToList();
        await raci.UpdateRoleAsync(userId, organisationId, roles[0], new RoleRequest(view.Roles[0].Name, HolderName: "Sam Okafor (COO)", Responsibilities: view.Roles[0].Responsibilities), view.Roles[0].Version, cancellationToken);
        await raci.UpdateRoleAsync(userId, organisationId, roles[1], new RoleRequest(view.Roles[1].Name, userId, Responsibilities: view.Roles[1].Responsibilities), view.Roles[1].Version, cancellationToken);
        RaciLetter[][] letters =
        [
            [RaciLetter.A, RaciLetter.R, RaciLetter.C, RaciLetter.I, RaciLetter.C],
            [RaciLetter.I, RaciLetter.A, RaciLetter.R, RaciLetter.C, RaciLetter.I],
            [RaciLetter.I, RaciLetter.A, RaciLetter.C, RaciLetter.R, RaciLetter.R],
        ];
        view = await raci.GetAsync(userId, organisationId, cancellationToken);
        var rows = view.Rows.Select((row, i) => new RaciRowRequest(
            row.Key, roles.Select((role, j) => (role, letter: letters[i % letters.Length][j])).ToDictionary(x => x.role, x => x.letter))).ToList();
        await raci.SaveAsync(userId, organisationId, new RaciRequest(rows), view.Version, cancellationToken);
    }

    private static int[] Ratings(Random random, int count, Func<double, int> rating) =>
        [.. Enumerable.Range(0, count).Select(_ => rating(random.NextDouble()))];

    /// <summary>
    /// An earlier, smaller round on the same model, a year before the baseline and lower on every dimension, so that
    /// the organisation's trend has somewhere to come from. Its own random numbers leave the baseline as it was.
    /// </summary>
    private static async Task SeedPilotAsync(
        IServiceProvider services, IDbContextFactory<AppDbContext> contextFactory, MaturityModel model, string demoUserId, int organisationId,
        DateOnly today, CancellationToken cancellationToken)
    {
        var random = new Random(2025);
        var rounds = services.GetRequiredService<RoundService>();
        var pilot = await rounds.CreateRoundAsync(
            demoUserId,
            organisationId,
            new CreateRoundRequest(model.Id, PilotRoundName, today.AddDays(-330), today.AddDays(-300)),
            cancellationToken);
        await AnswerAsync(services, demoUserId, pilot.Id, model, Baseline.Take(8), random, shift: -0.5, cancellationToken);
        await rounds.CloseRoundAsync(demoUserId, pilot.Id, cancellationToken);
        await BackdateAsync(contextFactory, pilot.Id, today.AddDays(-330), random, cancellationToken);
    }

    /// <summary>
    /// A second client of the demo user, who owns it too, so that the portfolio compares two organisations: one closed
    /// round in which the front line disagrees widely about journeys (low consensus).
    /// </summary>
    private static async Task SeedSecondOrganisationAsync(
        IServiceProvider services, IDbContextFactory<AppDbContext> contextFactory, MaturityModel model, string demoUserId,
        DateOnly today, CancellationToken cancellationToken)
    {
        var random = new Random(2027);
        var organisation = await services.GetRequiredService<OrganisationService>().CreateAsync(demoUserId, SecondOrganisationName, cancellationToken);
        var rounds = services.GetRequiredService<RoundService>();
        var round = await rounds.CreateRoundAsync(
            demoUserId,
            organisation.Id,
            new CreateRoundRequest(model.Id, "2026 assessment", today.AddDays(-60), today.AddDays(-30)),
            cancellationToken);
        DemoPerson[] people =
        [
            new("Noah Fischer", "noah.fischer@contoso.example", "Executive"),
            new("Emma Laurent", "emma.laurent@contoso.example", "Executive"),
            new("Liam Byrne", "liam.byrne@contoso.example", "Executive"),
            new("Mia Costa", "mia.costa@contoso.example", "Frontline"),
            new("Ethan Park", "ethan.park@contoso.example", "Frontline"),
            new("Zoe Martin", "zoe.martin@contoso.example", "Frontline"),
            new("Ava Singh", "ava.singh@contoso.example", "Management"),
        ];
        await AnswerAsync(services, demoUserId, round.Id, model, people, random, shift: 0.4, cancellationToken, disagreeOn: "journeys");
        await rounds.CloseRoundAsync(demoUserId, round.Id, cancellationToken);
        await BackdateAsync(contextFactory, round.Id, today.AddDays(-60), random, cancellationToken);
    }

    private static async Task AnswerAsync(
        IServiceProvider services, string demoUserId, int roundId, MaturityModel model, IEnumerable<DemoPerson> people, Random random,
        double shift, CancellationToken cancellationToken, string? disagreeOn = null)
    {
        var respondents = services.GetRequiredService<RespondentService>();
        var questionnaires = services.GetRequiredService<QuestionnaireService>();
        foreach (var person in people)
        {
            var respondent = await respondents.AddRespondentAsync(
                demoUserId, roundId, new AddRespondentRequest(person.Name, person.Email, person.Group), cancellationToken);
            await questionnaires.SaveAsync(
                RespondentRef.Member(demoUserId, roundId, respondent.Respondent.Id),
                new SaveAnswersRequest(DemoAnswers.For(model, person.Group, random, model.Dimensions.Count, shift, disagreeOn), Submit: true, DemoAnswers.Importance(model, random)),
                cancellationToken);
        }
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    /// <summary>
    /// A roadmap a CX lead has started to work on: the three weakest dimensions aim two stages up (so the medium-term
    /// lane fills), the top short-term item of each is accepted, and the first of them is already a project.
    /// </summary>
    private static async Task SeedRoadmapAsync(IServiceProvider services, string userId, int roundId, CancellationToken cancellationToken)
    {
        var roadmaps = services.GetRequiredService<RoadmapService>();
        var roadmap = await roadmaps.GetRoadmapAsync(userId, roundId, cancellationToken);
        var weakest = roadmap.Dimensions
            .Where(d => d.Score is not null && d.CurrentStage is < 4)
            .OrderBy(d => d.Score)
            .Take(3)
            .ToDictionary(d => d.DimensionId, d => d.CurrentStage!.Value + 2);
        roadmap = (await roadmaps.SetTargetsAsync(userId, roundId, weakest, cancellationToken: cancellationToken)).Roadmap;

        var accepted = roadmap.Items
            .Where(i => i.Horizon == Horizon.ShortTerm && weakest.ContainsKey(i.DimensionId))
            .GroupBy(i => i.DimensionId)
            .Select(g => g.First())
            .ToList();
        foreach (var item in accepted)
        {
            await roadmaps.UpdateItemAsync(
                userId, roundId, item.InitiativeId,
                new RoadmapItemUpdate(RoadmapItemStatus.Accepted, null, "Dana Whitfield", "Agreed at the steering group.", item.Version),
                cancellationToken);
        }

        if (accepted.Count > 0)
        {
            await services.GetRequiredService<ProjectService>()
                .CreateFromRoadmapItemAsync(userId, roundId, accepted[0].InitiativeId, cancellationToken);
        }
    }

    private static readonly DemoPerson[] Baseline =
    [
        new("Alex Morgan", "alex.morgan@northwind.example", "Executive"),
        new("Priya Shah", "priya.shah@northwind.example", "Executive"),
        new("Tomas Lindqvist", "tomas.lindqvist@northwind.example", "Executive"),
        new("Hannah Okafor", "hannah.okafor@northwind.example", "Management"),
        new("Marcus Reyes", "marcus.reyes@northwind.example", "Management"),
        new("Sofia Brandt", "sofia.brandt@northwind.example", "Management"),
        new("Jamie Chen", "jamie.chen@northwind.example", "Frontline"),
        new("Olivia Novak", "olivia.novak@northwind.example", "Frontline"),
        new("Samuel Adeyemi", "samuel.adeyemi@northwind.example", "Frontline"),
        new("Grace Kowalski", "grace.kowalski@northwind.example", "Frontline"),
        new("Luca Romano", "luca.romano@partner.example", "Customer-facing partner"),
        new("Aisha Rahman", "aisha.rahman@partner.example", "Customer-facing partner"),
    ];

    // The demo user answers too, so that "my questionnaires" has one in progress.
    private static readonly (DemoPerson Person, int DimensionsAnswered)[] FollowUp =
    [
        (new("Dana Whitfield", DemoSignInInfo.DemoEmail, "Executive"), 2),
        (new("Priya Shah", "priya.shah@northwind.example", "Executive"), 3),
        (new("Jamie Chen", "jamie.chen@northwind.example", "Frontline"), 0),
        (new("Luca Romano", "luca.romano@partner.example", "Customer-facing partner"), 0),
    ];

    private async Task<string> EnsureUserAsync(UserManager<AppUser> users, string email, string displayName, bool administrator)
    {
        var user = await users.FindByEmailAsync(email);
        if (user is null)
        {
            user = new AppUser { UserName = email, Email = email, EmailConfirmed = true, DisplayName = displayName };
            var created = await users.CreateAsync(user, DemoSignInInfo.DemoPassword);
            if (!created.Succeeded)
            {
                throw created.ToValidationException();
            }
        }

        if (administrator && !await users.IsInRoleAsync(user, SiteRoles.Administrator))
        {
            await users.AddToRoleAsync(user, SiteRoles.Administrator);
        }

        return user.Id;
    }

    // The services stamp everything "now"; a baseline that closed months ago reads better with its own dates.
    private static async Task BackdateAsync(
        IDbContextFactory<AppDbContext> contextFactory,
        int roundId,
        DateOnly opened,
        Random random,
        CancellationToken cancellationToken)
    {
        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var openedUtc = opened.ToDateTime(new TimeOnly(8, 0), DateTimeKind.Utc);
        var round = await db.Rounds.SingleAsync(r => r.Id == roundId, cancellationToken);
        round.CreatedUtc = openedUtc.AddDays(-2);
        round.ClosedUtc = openedUtc.AddDays(30).AddHours(9);
        foreach (var respondent in await db.Respondents.Where(r => r.RoundId == roundId).ToListAsync(cancellationToken))
        {
            respondent.StartedUtc = openedUtc.AddDays(random.Next(0, 20)).AddMinutes(random.Next(0, 600));
            respondent.SubmittedUtc = respondent.StartedUtc.Value.AddMinutes(random.Next(14, 40));
            await db.Answers
                .Where(a => a.RespondentId == respondent.Id)
                .ExecuteUpdateAsync(s => s.SetProperty(a => a.UpdatedUtc, respondent.SubmittedUtc.Value), cancellationToken);
        }

        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
    }

    private void Announce()
    {
        signIn.MarkAvailable();
        LogSignIn(DemoSignInInfo.DemoEmail, DemoSignInInfo.DemoPassword, DemoSignInInfo.AdministratorEmail);
    }

    private sealed record DemoPerson(string Name, string Email, string Group);

    [LoggerMessage(Level = LogLevel.Information, Message = "Seeded demo organisation {Organisation} with {Respondents} submitted respondents")]
    private partial void LogSeeded(string organisation, int respondents);

    [LoggerMessage(Level = LogLevel.Information, Message =
        "Demo sign-in: {Email} / {Password} (site administrator: {AdministratorEmail}, same password). Development only.")]
    private partial void LogSignIn(string email, string password, string administratorEmail);
}
