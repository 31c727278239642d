namespace CxMaturity.Web.Components.Shared;

/// <summary>One bar of <see cref="ParetoChart"/>: what it is, its value, its cumulative share (0..1), whether it is one of the vital few.</summary>
public sealed record ParetoBar(string Label, double Value, double CumulativeShare, bool VitalFew);
