using Microsoft.AspNetCore.Identity.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;

namespace CxMaturity.Web.Data;

public sealed class AppDbContext(DbContextOptions<AppDbContext> options) : IdentityDbContext<AppUser>(options)
{
    public DbSet<Organisation> Organisations => Set<Organisation>();

    public DbSet<Membership> Memberships => Set<Membership>();

    public DbSet<ModelVersion> ModelVersions => Set<ModelVersion>();

    public DbSet<AssessmentRound> Rounds => Set<AssessmentRound>();

    public DbSet<RoundTarget> RoundTargets => Set<RoundTarget>();

    public DbSet<Respondent> Respondents => Set<Respondent>();

    public DbSet<Answer> Answers => Set<Answer>();

    public DbSet<ImportanceRating> ImportanceRatings => Set<ImportanceRating>();

    public DbSet<InvitationSend> InvitationSends => Set<InvitationSend>();

    public DbSet<PersonalAccessToken> PersonalAccessTokens => Set<PersonalAccessToken>();

    public DbSet<RoadmapItemState> RoadmapItemStates => Set<RoadmapItemState>();

    public DbSet<Project> Projects => Set<Project>();

    public DbSet<InstallationClaim> InstallationClaims => Set<InstallationClaim>();

    public DbSet<Kpi> Kpis => Set<Kpi>();

    public DbSet<KpiMeasurement> KpiMeasurements => Set<KpiMeasurement>();

    public DbSet<CustomerGap> CustomerGaps => Set<CustomerGap>();

    public DbSet<Milestone> Milestones => Set<Milestone>();

    public DbSet<ProjectKpi> ProjectKpis => Set<ProjectKpi>();

    public DbSet<GovernanceRole> GovernanceRoles => Set<GovernanceRole>();

    public DbSet<RaciAssignment> RaciAssignments => Set<RaciAssignment>();

    public DbSet<AuditEntry> AuditEntries => Set<AuditEntry>();

    public DbSet<ReminderDelivery> ReminderDeliveries => Set<ReminderDelivery>();

    public DbSet<Notification> Notifications => Set<Notification>();

    public DbSet<OutgoingMail> OutgoingMails => Set<OutgoingMail>();

    /// <summary>
    /// The user this context acts for, set by the access check (OrganisationAccess) so that the audit lines written
    /// with a change name who made it.
    /// </summary>
    public string? ActingUserId { get; set; }

    public override int SaveChanges(bool acceptAllChangesOnSuccess)
    {
        RenewVersions();
        try
        {
            return base.SaveChanges(acceptAllChangesOnSuccess);
        }
        catch (DbUpdateConcurrencyException exception)
        {
            throw Conflict(exception);
        }
    }

    public override async Task<int> SaveChangesAsync(bool acceptAllChangesOnSuccess, CancellationToken cancellationToken = default)
    {
        RenewVersions();
        try
        {
            return await base.SaveChangesAsync(acceptAllChangesOnSuccess, cancellationToken);
        }
        catch (DbUpdateConcurrencyException exception)
        {
            throw Conflict(exception);
        }
    }

    protected override void OnModelCreating(ModelBuilder builder)
    {
        base.OnModelCreating(builder);
        builder.ApplyConfigurationsFromAssembly(typeof(AppDbContext).Assembly);
    }

    protected override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder)
    {
        // SQLite hands DateTime back without a kind; every time we store is UTC, so say so on the way out.
        configurationBuilder.Properties<DateTime>().HaveConversion<UtcDateTimeConverter>();
    }

    private void RenewVersions()
    {
        // The audit log is append-only: no code path may change or remove a line (the database refuses too).
        if (ChangeTracker.Entries<AuditEntry>().Any(e => e.State is EntityState.Modified or EntityState.Deleted))
        {
            throw new InvalidOperationException("The audit log is append-only: its lines cannot be changed or removed.");
        }

        foreach (var entry in ChangeTracker.Entries<IVersioned>())
        {
            if (entry.State is EntityState.Added or EntityState.Modified)
            {
                entry.Entity.Version = Guid.NewGuid();
            }
        }
    }

    private static ConcurrencyConflictException Conflict(DbUpdateConcurrencyException exception)
    {
        var what = exception.Entries.FirstOrDefault()?.Entity switch
        {
            Organisation => "organisation",
            AssessmentRound => "assessment round",
            Respondent => "respondent",
            _ => "record",
        };
        return new ConcurrencyConflictException(
            $"Someone else changed this {what} while you were editing it. Reload to see their changes, then try again.",
            exception);
    }

    private sealed class UtcDateTimeConverter() : ValueConverter<DateTime, DateTime>(
        value => value.Kind == DateTimeKind.Local ? value.ToUniversalTime() : DateTime.SpecifyKind(value, DateTimeKind.Utc),
        value => DateTime.SpecifyKind(value, DateTimeKind.Utc));
}
