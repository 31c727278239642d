using CxMaturity.Assessment.Content;
using CxMaturity.Web.Data;
using CxMaturity.Web.Features.Models;
using CxMaturity.Web.Features.Organisations;
using CxMaturity.Web.Features.Projects;
using CxMaturity.Web.Features.Questionnaires;
using CxMaturity.Web.Features.Respondents;
using CxMaturity.Web.Features.Results;
using CxMaturity.Web.Features.Roadmap;
using CxMaturity.Web.Features.Rounds;
using CxMaturity.Web.Features.Tokens;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace CxMaturity.Web.Tests.Infrastructure;

/// <summary>
/// The whole app over a real SQLite file in a data folder of its own (deleted on dispose), migrated at start like
/// production. Development environment, demo data off unless <see cref="SeedDemo"/>. Share one per test class
/// (<c>IClassFixture&lt;CxWebApplicationFactory&gt;</c>): every helper creates fresh users and organisations, so
/// tests do not see each other's data.
/// </summary>
public sealed class CxWebApplicationFactory : WebApplicationFactory<Program>
{
    /// <summary>The password of every user the helpers create.</summary>
    public const string Password = "Test!Passw0rd";

    public const string ModelId = "cx-maturity";

    private readonly List<IServiceScope> _scopes = [];
    private int _sequence;

    /// <summary>The folder holding this factory's database.</summary>
    public string DataDirectory { get; init; } = Path.Combine(Path.GetTempPath(), "cxmaturity-tests", Guid.NewGuid().ToString("N"));

    /// <summary>Leave the data folder when disposed, for another factory over the same database (a restart).</summary>
    public bool KeepDataDirectory { get; init; }

    /// <summary>Seed the Development demo data at start.</summary>
    public bool SeedDemo { get; init; }

    public string EnvironmentName { get; init; } = "Development";

    /// <summary>Extra configuration, e.g. <c>["Api:MaxRequestBodyBytes"] = "2048"</c>.</summary>
    public IDictionary<string, string?> Settings { get; init; } = new Dictionary<string, string?>();

    /// <summary>Replaces the app's clock when set.</summary>
    public TimeProvider? Time { get; init; }

    /// <summary>More service replacements, applied last.</summary>
    public Action<IServiceCollection>? ConfigureServices { get; init; }

    /// <summary>The model the helpers use (the shipped <c>cx-maturity</c>, latest version).</summary>
    public MaturityModel Model => Services.GetRequiredService<ModelCatalog>().Get(ModelId);

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment(EnvironmentName);
        if (EnvironmentName != "Development")
        {
            // What an installation must set outside Development (README, "Configuration"), unless a test says otherwise.
            Settings.TryAdd("App:PublicUrl", "http://localhost/");
            Settings.TryAdd("AllowedHosts", "localhost");
        }

        // As host settings too, so that what Program reads while it registers services (Jobs:RunServer) sees them.
        foreach (var (key, value) in Settings)
        {
            builder.UseSetting(key, value);
        }

        builder.ConfigureAppConfiguration(configuration => configuration.AddInMemoryCollection(
            new Dictionary<string, string?>(Settings)
            {
                ["Data:Directory"] = DataDirectory,
                ["Demo:Enabled"] = SeedDemo ? "true" : "false",
            }));
        builder.ConfigureTestServices(services =>
        {
            if (Time is not null)
            {
                services.AddSingleton(Time);
            }

            ConfigureServices?.Invoke(services);
        });
    }

    /// <summary>A service from a scope that lives as long as the factory (feature services are scoped).</summary>
    public T GetService<T>()
        where T : notnull
    {
        var scope = Services.CreateScope();
        lock (_scopes)
        {
            _scopes.Add(scope);
        }

        return scope.ServiceProvider.GetRequiredService<T>();
    }

    public OrganisationService Organisations => GetService<OrganisationService>();

    public RoundService Rounds => GetService<RoundService>();

    public RespondentService Respondents => GetService<RespondentService>();

    public QuestionnaireService Questionnaires => GetService<QuestionnaireService>();

    public ResultsService Results => GetService<ResultsService>();

    public RoadmapService Roadmaps => GetService<RoadmapService>();

    public ProjectService Projects => GetService<ProjectService>();

    public AccessTokenService AccessTokens => GetService<AccessTokenService>();

    /// <summary>Runs <paramref name="work"/> on a fresh context: for arranging or checking what services do not show.</summary>
    public async Task<T> WithDbAsync<T>(Func<AppDbContext, Task<T>> work)
    {
        await using var db = await Services.GetRequiredService<IDbContextFactory<AppDbContext>>().CreateDbContextAsync();
        return await work(db);
    }

    public async Task WithDbAsync(Func<AppDbContext, Task> work) =>
        await WithDbAsync(async db =>
        {
            await work(db);
            return true;
        });

    /// <summary>Creates a user with <see cref="Password"/>; a unique email unless one is given.</summary>
    public async Task<TestUser> CreateUserAsync(string? email = null, string? displayName = null)
    {
        var number = Interlocked.Increment(ref _sequence);
        email ??= $"user{number}-{Guid.NewGuid():N}@test.local";
        using var scope = Services.CreateScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>();
        var user = new AppUser { UserName = email, Email = email, EmailConfirmed = true, DisplayName = displayName ?? $"Test user {number}" };
        var result = await users.CreateAsync(user, Password);
        if (!result.Succeeded)
        {
            throw new InvalidOperationException(string.Join(" ", result.Errors.Select(e => e.Description)));
        }

        return new TestUser(user.Id, email, Password);
    }

    /// <summary>Creates a user who is a site administrator (and member of no organisation).</summary>
    public async Task<TestUser> CreateAdministratorAsync()
    {
        var user = await CreateUserAsync();
        using var scope = Services.CreateScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>();
        var result = await users.AddToRoleAsync((await users.FindByIdAsync(user.Id))!, CxMaturity.Web.Features.Access.SiteRoles.Administrator);
        if (!result.Succeeded)
        {
            throw new InvalidOperationException(string.Join(" ", result.Errors.Select(e => e.Description)));
        }

        return user;
    }

    /// <summary>Creates an organisation owned by <paramref name="ownerUserId"/>.</summary>
    public async Task<int> CreateOrganisationAsync(string ownerUserId, string? name = null) =>
        (await Organisations.CreateAsync(ownerUserId, name ?? $"Organisation {Interlocked.Increment(ref _sequence)}")).Id;

    /// <summary>Makes an existing user a member with the given role, directly (no Owner needed).</summary>
    public Task AddMemberAsync(int organisationId, string userId, OrganisationRole role) =>
        WithDbAsync(async db =>
        {
            db.Memberships.Add(new Membership { OrganisationId = organisationId, UserId = userId, Role = role, CreatedUtc = DateTime.UtcNow });
            await db.SaveChangesAsync();
        });

    /// <summary>A new user who is a member of the organisation with the given role.</summary>
    public async Task<TestUser> CreateMemberAsync(int organisationId, OrganisationRole role)
    {
        var user = await CreateUserAsync();
        await AddMemberAsync(organisationId, user.Id, role);
        return user;
    }

    /// <summary>Creates an open round on <see cref="ModelId"/>, every dimension in scope unless given.</summary>
    public Task<RoundView> CreateRoundAsync(
        string userId,
        int organisationId,
        string? name = null,
        IReadOnlyList<string>? dimensionsInScope = null) =>
        Rounds.CreateRoundAsync(
            userId,
            organisationId,
            new CreateRoundRequest(ModelId, name ?? $"Round {Interlocked.Increment(ref _sequence)}", DimensionsInScope: dimensionsInScope));

    /// <summary>Adds an invitee (or a member, when the email is a member's) to a round.</summary>
    public Task<RespondentCreatedView> AddRespondentAsync(
        string userId,
        int roundId,
        string group = "Executive",
        string? name = null,
        string? email = null)
    {
        var number = Interlocked.Increment(ref _sequence);
        return Respondents.AddRespondentAsync(
            userId,
            roundId,
            new AddRespondentRequest(name ?? $"Respondent {number}", email ?? $"respondent{number}-{Guid.NewGuid():N}@test.local", group));
    }

    /// <summary>Answers every question of the round's scope with <paramref name="level"/> and submits unless told not to.</summary>
    public async Task<RespondentProgressView> AnswerAllAsync(
        string userId,
        int roundId,
        int respondentId,
        Func<Question, int?> level,
        bool submit = true)
    {
        var round = await Rounds.GetRoundAsync(userId, roundId);
        var answers = Model.Dimensions
            .Where(d => round.DimensionsInScope.Contains(d.Id))
            .SelectMany(d => d.Questions)
            .Select(q => new AnswerInput(q.Id, level(q)))
            .ToList();
        return await Questionnaires.SaveAsync(RespondentRef.Member(userId, roundId, respondentId), new SaveAnswersRequest(answers, submit));
    }

    /// <summary>A new Owner with a new organisation and an open round in it.</summary>
    public async Task<TestOrganisation> CreateOrganisationWithRoundAsync(IReadOnlyList<string>? dimensionsInScope = null)
    {
        var owner = await CreateUserAsync();
        var organisationId = await CreateOrganisationAsync(owner.Id);
        var round = await CreateRoundAsync(owner.Id, organisationId, dimensionsInScope: dimensionsInScope);
        return new TestOrganisation(owner, organisationId, round);
    }

    /// <summary>A personal access token of the user, for <c>Authorization: Bearer</c>.</summary>
    public async Task<string> CreateAccessTokenAsync(string userId, string name = "tests") =>
        (await AccessTokens.CreateAsync(userId, name)).Token;

    /// <summary>An HTTP client that sends the user's access token.</summary>
    public async Task<HttpClient> CreateApiClientAsync(string userId)
    {
        var client = CreateClient();
        client.DefaultRequestHeaders.Authorization = new("Bearer", await CreateAccessTokenAsync(userId));
        return client;
    }

    // WebApplicationFactory.Dispose() comes here too.
    public override async ValueTask DisposeAsync()
    {
        DisposeScopes();
        await base.DisposeAsync();
        DeleteDataDirectory();
    }

    private void DisposeScopes()
    {
        lock (_scopes)
        {
            foreach (var scope in _scopes)
            {
                scope.Dispose();
            }

            _scopes.Clear();
        }
    }

    private void DeleteDataDirectory()
    {
        // Pooled connections keep the files open.
        SqliteConnection.ClearAllPools();
        if (KeepDataDirectory)
        {
            return;
        }

        try
        {
            Directory.Delete(DataDirectory, recursive: true);
        }
        catch (DirectoryNotFoundException)
        {
        }
        catch (IOException)
        {
            // A file still in use: the temp folder is cleaned by the system.
        }
    }
}

/// <summary>A user the factory created; sign in with <see cref="Email"/> and <see cref="Password"/>.</summary>
public sealed record TestUser(string Id, string Email, string Password);

/// <summary>An organisation with its Owner and one open round.</summary>
public sealed record TestOrganisation(TestUser Owner, int OrganisationId, RoundView Round);
