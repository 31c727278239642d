namespace CxMaturity.Web.Data;

/// <summary>How important a respondent rates one dimension over the next two years, 1 (low) to 5 (critical).</summary>
public sealed class ImportanceRating
{
    public int RespondentId { get; set; }

    public string DimensionId { get; set; } = "";

    public int Rating { get; set; }
}
