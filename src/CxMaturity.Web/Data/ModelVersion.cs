namespace CxMaturity.Web.Data;

/// <summary>
/// The snapshot of a model version that rounds pin: stored the first time a round uses the version and never
/// changed afterwards, so later content edits cannot change an existing round's questions or scores.
/// </summary>
public sealed class ModelVersion
{
    public int Id { get; set; }

    public string ModelId { get; set; } = "";

    public string Version { get; set; } = "";

    public string ContentHash { get; set; } = "";

    public string SnapshotJson { get; set; } = "";

    public DateTime CreatedUtc { get; set; }
}
