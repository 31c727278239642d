using System.Globalization;
using CxMaturity.Web.Data;
using CxMaturity.Web.Features.Access;
using CxMaturity.Web.Features.Models;
using Microsoft.EntityFrameworkCore;

namespace CxMaturity.Web.Features.Kpis;

/// <summary>
/// An organisation's KPIs and their measurements (docs/RULES.md §8.2–8.3). Members who read results (Owner, CX lead,
/// Contributor, Viewer) read them; Owners and CX leads define KPIs and record measurements.
/// </summary>
public sealed class KpiService(IDbContextFactory<AppDbContext> contextFactory, ModelCatalog catalog, TimeProvider time)
{
    /// <summary>
    /// The organisation's KPIs with where each stands and every measurement, the journey-stage coverage, and the
    /// choices for a form.
    /// </summary>
    public async Task<KpiListView> ListAsync(string userId, int organisationId, CancellationToken cancellationToken = default)
    {
        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        var access = await OrganisationAccess.RequireAsync(db, userId, organisationId, OrganisationRoles.Readers);
        var name = await db.Organisations.Where(o => o.Id == organisationId).Select(o => o.Name).SingleAsync(cancellationToken);
        var views = await KpiLoader.ListAsync(db, organisationId, Today(), cancellationToken);
        var stages = JourneyStages();
        return new KpiListView(
            organisationId, name, access.Role, views, JourneyCoverage.Of(stages, views.Select(v => v.JourneyStage)), stages,
            Dimensions(), await OwnersAsync(db, organisationId, cancellationToken));
    }

    /// <summary>One KPI with every measurement, oldest first.</summary>
    /// <exception cref="NotFoundException">No such KPI in the organisation, or the caller is not a member.</exception>
    public async Task<KpiView> GetAsync(string userId, int organisationId, int kpiId, CancellationToken cancellationToken = default)
    {
        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        await OrganisationAccess.RequireAsync(db, userId, organisationId, OrganisationRoles.Readers);
        return await ReadAsync(db, organisationId, kpiId, cancellationToken);
    }

    /// <summary>Defines a KPI. Owner and CX lead.</summary>
    /// <exception cref="ValidationException">Keyed by field: name, unit, target, journeyStage, dimensionIds, ownerUserId.</exception>
    public async Task<KpiView> CreateAsync(string userId, int organisationId, KpiRequest request, CancellationToken cancellationToken = default)
    {
        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        await OrganisationAccess.RequireAsync(db, userId, organisationId, OrganisationRoles.Managers);
        var kpi = new Kpi { OrganisationId = organisationId, CreatedUtc = time.GetUtcNow().UtcDateTime };
        await ApplyAsync(db, organisationId, kpi, request, cancellationToken);
        db.Kpis.Add(kpi);
        Audit.Record(db, organisationId, kpi.CreatedUtc, "KPI", $"KPI “{kpi.Name}”", "created", after: Describe(kpi));
        await db.SaveChangesAsync(cancellationToken);
        return await ReadAsync(db, organisationId, kpi.Id, cancellationToken);
    }

    /// <summary>Changes a KPI's definition, if nobody has since the caller read it. Owner and CX lead.</summary>
    /// <exception cref="ConcurrencyConflictException">The KPI changed since <paramref name="expectedVersion"/>.</exception>
    public async Task<KpiView> UpdateAsync(
        string userId, int organisationId, int kpiId, KpiRequest request, Guid expectedVersion, CancellationToken cancellationToken = default)
    {
        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        await OrganisationAccess.RequireAsync(db, userId, organisationId, OrganisationRoles.Managers);
        var kpi = await FindAsync(db, organisationId, kpiId, cancellationToken);
        if (kpi.Version != expectedVersion)
        {
            throw new ConcurrencyConflictException($"Someone else changed the KPI “{kpi.Name}” since you opened it. Reload to see their change.");
        }

        db.Entry(kpi).Property(k => k.Version).OriginalValue = expectedVersion;
        var before = Describe(kpi);
        await ApplyAsync(db, organisationId, kpi, request, cancellationToken);
        Audit.Record(db, organisationId, time.GetUtcNow().UtcDateTime, "KPI", $"KPI “{kpi.Name}”", "changed", before, Describe(kpi));
        await db.SaveChangesAsync(cancellationToken);
        return await ReadAsync(db, organisationId, kpiId, cancellationToken);
    }

    /// <summary>Deletes a KPI with its measurements. Owner and CX lead.</summary>
    public async Task DeleteAsync(string userId, int organisationId, int kpiId, CancellationToken cancellationToken = default)
    {
        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        await OrganisationAccess.RequireAsync(db, userId, organisationId, OrganisationRoles.Managers);
        var kpi = await FindAsync(db, organisationId, kpiId, cancellationToken);
        db.Kpis.Remove(kpi);
        Audit.Record(db, organisationId, time.GetUtcNow().UtcDateTime, "KPI", $"KPI “{kpi.Name}”", "deleted", Describe(kpi));
        await db.SaveChangesAsync(cancellationToken);
    }

    /// <summary>
    /// Records a measurement: a value, or ratings computed into one with n and margin (docs/RULES.md §8.2). Owner and
    /// CX lead.
    /// </summary>
    /// <exception cref="ValidationException">Keys date, value, ratings (or ratings[i] for each bad rating), source, note.</exception>
    public async Task<MeasurementView> AddMeasurementAsync(
        string userId, int organisationId, int kpiId, MeasurementRequest request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        await OrganisationAccess.RequireAsync(db, userId, organisationId, OrganisationRoles.Managers);
        var kpi = await FindAsync(db, organisationId, kpiId, cancellationToken);
        var errors = new ValidationErrors();
        if (request.Date is not { } date)
        {
            errors.Add("date", "Give the date the measurement is for.");
        }
        else if (KpiAnalysis.DateRefusal(date, Today()) is { } refusal)
        {
            errors.Add("date", refusal);
        }

        var source = errors.Text("source", request.Source, FieldLimits.Name, "the source", required: false) ?? "";
        var note = errors.Text("note", request.Note, FieldLimits.Note, "the note", required: false) ?? "";
        var measurement = new KpiMeasurement
        {
            KpiId = kpi.Id, Date = request.Date ?? default, Source = source, Note = note, CreatedByUserId = userId, CreatedUtc = time.GetUtcNow().UtcDateTime,
        };
        var scale = RatingScale.For(kpi.Kind);
        switch (request)
        {
            case { Value: not null, Ratings: not null }:
                errors.Add("value", "Give a value or ratings to compute it from, not both.");
                break;
            case { Value: { } value }:
                if (KpiAnalysis.ValueRefusal(kpi.Kind, value) is { } wrong)
                {
                    errors.Add("value", wrong);
                }

                measurement.Value = value;
                break;
            case { Ratings: { } ratings } when scale is null:
                errors.Add("ratings", $"A {Labels.Kind(kpi.Kind)} KPI is entered as a value; ratings are for NPS, CSAT and CES.");
                break;
            case { Ratings: { } ratings }:
                var read = RatingList.Check(ratings, scale);
                foreach (var problem in read.Problems)
                {
                    errors.Add(problem.Where == "list" ? "ratings" : problem.Where, problem.Message);
                }

                if (read.IsClean)
                {
                    Compute(measurement, kpi.Kind, RatingCounts.Of(scale, read.Ratings));
                }

                break;
            default:
                errors.Add("value", scale is null ? "Give the value." : "Give the value, or the ratings to compute it from.");
                break;
        }

        errors.ThrowIfAny();
        db.KpiMeasurements.Add(measurement);
        Audit.Record(db, organisationId, measurement.CreatedUtc, "Measurement", $"KPI “{kpi.Name}” on {measurement.Date:yyyy-MM-dd}", "recorded", after: Describe(measurement));
        await db.SaveChangesAsync(cancellationToken);
        return KpiLoader.MeasurementOf(measurement);
    }

    /// <summary>
    /// Records a measurement computed from ratings pasted or uploaded (docs/RULES.md §8.2): a plain list, or the
    /// column named <paramref name="column"/> of a CSV file. Owner and CX lead.
    /// </summary>
    /// <exception cref="ValidationException">Every bad line (<c>line 4</c>), or the list as a whole (<c>list</c>, <c>file</c>); nothing saved.</exception>
    public async Task<MeasurementView> AddMeasurementFromListAsync(
        string userId, int organisationId, int kpiId, DateOnly date, byte[] content, string? column, string? source, string? note,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(content);
        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        await OrganisationAccess.RequireAsync(db, userId, organisationId, OrganisationRoles.Managers);
        var kpi = await FindAsync(db, organisationId, kpiId, cancellationToken);
        var scale = RatingScale.For(kpi.Kind)
            ?? throw ValidationException.For("ratings", $"A {Labels.Kind(kpi.Kind)} KPI is entered as a value; ratings are for NPS, CSAT and CES.");
        var read = string.IsNullOrWhiteSpace(column) ? RatingList.Read(content, scale) : RatingList.ReadColumn(content, column, scale);
        var errors = new ValidationErrors();
        foreach (var problem in read.Problems)
        {
            errors.Add(problem.Where, problem.Message);
        }

        if (KpiAnalysis.DateRefusal(date, Today()) is { } refusal)
        {
            errors.Add("date", refusal);
        }

        var measurement = new KpiMeasurement
        {
            KpiId = kpi.Id,
            Date = date,
            Source = errors.Text("source", source, FieldLimits.Name, "the source", required: false) ?? "",
            Note = errors.Text("note", note, FieldLimits.Note, "the note", required: false) ?? "",
            CreatedByUserId = userId,
            CreatedUtc = time.GetUtcNow().UtcDateTime,
        };
        errors.ThrowIfAny();
        Compute(measurement, kpi.Kind, RatingCounts.Of(scale, read.Ratings));
        db.KpiMeasurements.Add(measurement);
        Audit.Record(db, organisationId, measurement.CreatedUtc, "Measurement", $"KPI “{kpi.Name}” on {measurement.Date:yyyy-MM-dd}", "recorded", after: Describe(measurement));
        await db.SaveChangesAsync(cancellationToken);
        return KpiLoader.MeasurementOf(measurement);
    }

    /// <summary>Deletes a measurement entered by mistake. Owner and CX lead.</summary>
    public async Task DeleteMeasurementAsync(string userId, int organisationId, int kpiId, int measurementId, CancellationToken cancellationToken = default)
    {
        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        await OrganisationAccess.RequireAsync(db, userId, organisationId, OrganisationRoles.Managers);
        var measurement = await db.KpiMeasurements.Include(m => m.Kpi)
            .SingleOrDefaultAsync(m => m.Id == measurementId && m.KpiId == kpiId && m.Kpi!.OrganisationId == organisationId, cancellationToken)
            ?? throw new NotFoundException($"Measurement {measurementId} was not found.");
        db.KpiMeasurements.Remove(measurement);
        Audit.Record(db, organisationId, time.GetUtcNow().UtcDateTime, "Measurement", $"KPI “{measurement.Kpi!.Name}” on {measurement.Date:yyyy-MM-dd}", "deleted", Describe(measurement));
        await db.SaveChangesAsync(cancellationToken);
    }

    private static string Describe(Kpi k) =>
        $"{k.Name} · {Labels.Kind(k.Kind)} · {k.Direction} · target {k.Target?.ToString(CultureInfo.InvariantCulture) ?? "none"} {k.Unit} · {k.Frequency}" +
        $"{(k.JourneyStage is null ? "" : $" · {k.JourneyStage}")}{(k.DimensionIds.Count == 0 ? "" : $" · dimensions {string.Join(", ", k.DimensionIds)}")}";

    private static string Describe(KpiMeasurement m) =>
        m.Value.ToString("0.##", CultureInfo.InvariantCulture)
        + (m.N is { } n ? $" ± {m.MarginOfError!.Value.ToString("0.##", CultureInfo.InvariantCulture)} (n = {n})" : "")
        + (m.Source.Length > 0 ? $" · {m.Source}" : "");

    private static void Compute(KpiMeasurement measurement, KpiKind kind, RatingCounts counts)
    {
        var computed = KpiFormulas.Compute(kind, counts);
        measurement.Value = computed.Value;
        measurement.N = computed.N;
        measurement.MarginOfError = computed.MarginOfError;
        measurement.RatingCounts = string.Join(',', Enumerable.Range(counts.Scale.Min, counts.Scale.Max - counts.Scale.Min + 1)
            .Select(r => counts[r].ToString(CultureInfo.InvariantCulture)));
    }

    private async Task ApplyAsync(AppDbContext db, int organisationId, Kpi kpi, KpiRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var errors = new ValidationErrors();
        var name = errors.Text("name", request.Name, FieldLimits.Title, "the KPI's name", required: true);
        var unit = errors.Text("unit", request.Unit, FieldLimits.Unit, "the unit", required: false);
        if (request.Target is { } target && !double.IsFinite(target))
        {
            errors.Add("target", $"Give the target as a number: {Numbers.Hint}.");
        }

        if (!Enum.IsDefined(request.Kind))
        {
            errors.Add("kind", "Choose NPS, CSAT, CES, Churn or Custom.");
        }
        else if (kpi.Id != 0 && request.Kind != kpi.Kind && await db.KpiMeasurements.AnyAsync(m => m.KpiId == kpi.Id, cancellationToken))
        {
            // Its measurements were made, and perhaps computed, as the kind it is: they would mean nothing as another.
            errors.Add("kind", $"This KPI has measurements as {Labels.Kind(kpi.Kind)}; define a new KPI for {Labels.Kind(request.Kind)}.");
        }

        if (!Enum.IsDefined(request.Direction))
        {
            errors.Add("direction", "Choose whether higher or lower is better.");
        }

        if (!Enum.IsDefined(request.Frequency))
        {
            errors.Add("frequency", "Choose weekly, monthly, quarterly or yearly.");
        }

        var stage = string.IsNullOrWhiteSpace(request.JourneyStage)
            ? null
            : JourneyStages().FirstOrDefault(s => string.Equals(s, request.JourneyStage.Trim(), StringComparison.OrdinalIgnoreCase));
        if (!string.IsNullOrWhiteSpace(request.JourneyStage) && stage is null)
        {
            errors.Add("journeyStage", $"Choose one of the journey stages: {string.Join(", ", JourneyStages())}.");
        }

        var dimensions = Dimensions().Select(d => d.Id).ToHashSet(StringComparer.Ordinal);
        var dimensionIds = (request.DimensionIds ?? []).Distinct(StringComparer.Ordinal).ToList();
        foreach (var unknown in dimensionIds.Where(d => !dimensions.Contains(d)))
        {
            errors.Add("dimensionIds", $"“{unknown}” is not a dimension of the model.");
        }

        var owner = string.IsNullOrWhiteSpace(request.OwnerUserId) ? null : request.OwnerUserId;
        if (owner is not null && !await OrganisationAccess.IsReaderAsync(db, owner, organisationId, cancellationToken))
        {
            errors.Add("ownerUserId", "The owner must be a member of the organisation who reads its results (not only a respondent).");
        }

        errors.ThrowIfAny();
        (kpi.Name, kpi.Unit, kpi.Kind, kpi.Direction, kpi.Frequency) = (name!, unit ?? DefaultUnit(request.Kind), request.Kind, request.Direction, request.Frequency);
        (kpi.Target, kpi.JourneyStage, kpi.DimensionIds, kpi.OwnerUserId) = (request.Target, stage, dimensionIds, owner);
    }

    private static string DefaultUnit(KpiKind kind) => kind switch
    {
        KpiKind.Nps => "points",
        KpiKind.Csat or KpiKind.Churn => "%",
        _ => "",
    };

    private async Task<KpiView> ReadAsync(AppDbContext db, int organisationId, int kpiId, CancellationToken cancellationToken) =>
        await KpiLoader.ReadAsync(db, organisationId, kpiId, Today(), cancellationToken);

    private static async Task<Kpi> FindAsync(AppDbContext db, int organisationId, int kpiId, CancellationToken cancellationToken) =>
        await db.Kpis.SingleOrDefaultAsync(k => k.Id == kpiId && k.OrganisationId == organisationId, cancellationToken)
        ?? throw new NotFoundException($"KPI {kpiId} was not found.");

    private DateOnly Today() => DateOnly.FromDateTime(time.GetUtcNow().UtcDateTime);

    // The journey stages and dimensions of the models this installation ships, in model order.
    private IReadOnlyList<string> JourneyStages() =>
        [.. catalog.Models.SelectMany(m => m.JourneyStages).Distinct(StringComparer.OrdinalIgnoreCase)];

    private IReadOnlyList<KpiDimensionChoice> Dimensions() =>
        [.. catalog.Models.SelectMany(m => m.Dimensions).DistinctBy(d => d.Id).Select(d => new KpiDimensionChoice(d.Id, d.Title))];

    private static async Task<IReadOnlyList<KpiOwnerChoice>> OwnersAsync(AppDbContext db, int organisationId, CancellationToken cancellationToken) =>
        await db.Memberships.AsNoTracking()
            .Where(m => m.OrganisationId == organisationId && m.Role != OrganisationRole.Respondent)
            .OrderBy(m => m.User!.DisplayName)
            .Select(m => new KpiOwnerChoice(m.UserId, m.User!.DisplayName != "" ? m.User.DisplayName : m.User.Email!))
            .ToListAsync(cancellationToken);
}

/// <summary>How KPI fields read on pages and in messages.</summary>
public static class Labels
{
    /// <summary>"NPS", "CSAT", "CES", "Churn", "Custom".</summary>
    public static string Kind(KpiKind kind) => kind switch
    {
        KpiKind.Nps => "NPS",
        KpiKind.Csat => "CSAT",
        KpiKind.Ces => "CES",
        _ => kind.ToString(),
    };
}
