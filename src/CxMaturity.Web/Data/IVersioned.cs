namespace CxMaturity.Web.Data;

/// <summary>
/// A record users edit. <see cref="Version"/> is a concurrency token that <see cref="AppDbContext"/> renews on every
/// save, so a second editor working from a stale copy is told instead of silently overwriting the first.
/// </summary>
public interface IVersioned
{
    Guid Version { get; set; }
}
