namespace CxMaturity.Web.Data;

/// <summary>A target stage the CX lead set for one dimension; a dimension without one gets the default rule.</summary>
public sealed class RoundTarget
{
    public int RoundId { get; set; }

    public string DimensionId { get; set; } = "";

    public int Stage { get; set; }
}
