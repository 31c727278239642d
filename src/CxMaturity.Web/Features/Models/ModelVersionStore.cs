using System.Collections.Concurrent;
using CxMaturity.Assessment.Content;
using CxMaturity.Web.Data;
using Microsoft.EntityFrameworkCore;

namespace CxMaturity.Web.Features.Models;

/// <summary>
/// The model snapshots rounds pin. A snapshot is stored the first time a round uses a model id and version and
/// reused by later rounds; snapshots never change, so loaded ones are cached for the life of the app.
/// </summary>
public sealed partial class ModelVersionStore(
    IDbContextFactory<AppDbContext> contextFactory,
    TimeProvider time,
    ILogger<ModelVersionStore> logger)
{
    private readonly ConcurrentDictionary<int, MaturityModel> _loaded = new();

    /// <summary>Forgets the snapshots loaded so far: after a restore the same id may name another snapshot.</summary>
    public void Forget() => _loaded.Clear();

    /// <summary>The id of the stored snapshot of <paramref name="model"/>'s id and version, storing it if there is none.</summary>
    public async Task<int> GetOrCreateAsync(MaturityModel model, CancellationToken cancellationToken = default)
    {
        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        return await GetOrCreateAsync(db, model, cancellationToken);
    }

    /// <summary>The model a round pinned, by its <see cref="ModelVersion"/> id.</summary>
    public async Task<MaturityModel> LoadAsync(int modelVersionId, CancellationToken cancellationToken = default)
    {
        if (_loaded.TryGetValue(modelVersionId, out var cached))
        {
            return cached;
        }

        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        var json = await db.ModelVersions
            .Where(m => m.Id == modelVersionId)
            .Select(m => m.SnapshotJson)
            .SingleAsync(cancellationToken);
        return _loaded.GetOrAdd(modelVersionId, _ => ModelSnapshot.Deserialize(json));
    }

    internal async Task<int> GetOrCreateAsync(AppDbContext db, MaturityModel model, CancellationToken cancellationToken)
    {
        var hash = ModelSnapshot.ContentHash(model);
        var stored = await FindAsync(db, model, cancellationToken);
        if (stored is null)
        {
            var row = new ModelVersion
            {
                ModelId = model.Id,
                Version = model.Version,
                ContentHash = hash,
                SnapshotJson = ModelSnapshot.Serialize(model),
                CreatedUtc = time.GetUtcNow().UtcDateTime,
            };
            db.ModelVersions.Add(row);
            try
            {
                await db.SaveChangesAsync(cancellationToken);
                return row.Id;
            }
            catch (DbUpdateException)
            {
                // Another round stored the same version a moment ago: use theirs.
                db.Entry(row).State = EntityState.Detached;
                stored = await FindAsync(db, model, cancellationToken) ?? throw new InvalidOperationException(
                    $"The snapshot of model '{model.Id}' {model.Version} could not be stored.");
            }
        }

        if (stored.ContentHash != hash)
        {
            LogChangedContent(model.Id, model.Version);
        }

        return stored.Id;
    }

    private static Task<StoredVersion?> FindAsync(AppDbContext db, MaturityModel model, CancellationToken cancellationToken) =>
        db.ModelVersions
            .Where(m => m.ModelId == model.Id && m.Version == model.Version)
            .Select(m => new StoredVersion(m.Id, m.ContentHash))
            .FirstOrDefaultAsync(cancellationToken);

    private sealed record StoredVersion(int Id, string ContentHash);

    [LoggerMessage(Level = LogLevel.Warning, Message =
        "The content of model {ModelId} {Version} differs from the snapshot stored for that version. Rounds keep "
        + "using the stored snapshot; give changed content a new version so new rounds can use it.")]
    private partial void LogChangedContent(string modelId, string version);
}
