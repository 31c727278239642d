namespace CxMaturity.Web.Components.Shared;

/// <summary>One polygon of a radar: a name ("Current", "Target", a group) and a value per axis, null where undefined.</summary>
public sealed record RadarSeries(string Name, IReadOnlyList<double?> Values);
