namespace CxMaturity.Assessment.Common;

/// <summary>
/// How long each kind of text a person types may be: one set of numbers for the checks that refuse longer text and
/// for the database columns that hold it.
/// </summary>
public static class FieldLimits
{
    /// <summary>Names of organisations, rounds, respondents, access tokens and people.</summary>
    public const int Name = 100;

    /// <summary>Email addresses.</summary>
    public const int Email = 256;

    /// <summary>Respondent group names.</summary>
    public const int Group = 100;

    /// <summary>A comment or evidence on an answer.</summary>
    public const int Comment = 4000;

    /// <summary>The owner of a roadmap item or project, as written.</summary>
    public const int Owner = 200;

    /// <summary>Notes on a roadmap item.</summary>
    public const int Notes = 4000;

    /// <summary>Titles of projects.</summary>
    public const int Title = 200;

    /// <summary>Ids the model gives (dimensions, questions, initiatives).</summary>
    public const int ModelId = 100;

    /// <summary>The unit of a KPI ("points", "%").</summary>
    public const int Unit = 40;

    /// <summary>A note on a KPI measurement.</summary>
    public const int Note = 1000;

    /// <summary>A project's description (Markdown).</summary>
    public const int Description = 20000;
}
