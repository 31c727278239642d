using CxMaturity.Assessment.Content;
using CxMaturity.Web.Features.Common;

namespace CxMaturity.Web.Features.Models;

/// <summary>The maturity models loaded from the content folder at start: the latest version of each model id.</summary>
public sealed class ModelCatalog
{
    private readonly Dictionary<string, MaturityModel> _byId;

    public ModelCatalog(IEnumerable<MaturityModel> models)
    {
        _byId = models
            .GroupBy(m => m.Id, StringComparer.Ordinal)
            .Select(g => g.OrderByDescending(m => m.Version, VersionComparer.Instance).First())
            .ToDictionary(m => m.Id, StringComparer.Ordinal);
        Models = [.. _byId.Values.OrderBy(m => m.Id, StringComparer.Ordinal)];
    }

    /// <summary>The latest version of every model, by id.</summary>
    public IReadOnlyList<MaturityModel> Models { get; }

    public MaturityModel? Find(string modelId) => _byId.GetValueOrDefault(modelId);

    /// <exception cref="NotFoundException">No model has that id.</exception>
    public MaturityModel Get(string modelId) =>
        Find(modelId) ?? throw new NotFoundException($"Model '{modelId}' was not found.");

    /// <summary>Orders "1.10.0" after "1.9.0"; versions that are not dotted numbers compare as text.</summary>
    private sealed class VersionComparer : IComparer<string>
    {
        public static readonly VersionComparer Instance = new();

        public int Compare(string? x, string? y) =>
            Version.TryParse(x, out var a) && Version.TryParse(y, out var b)
                ? a.CompareTo(b)
                : string.CompareOrdinal(x, y);
    }
}
