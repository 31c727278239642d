namespace CxMaturity.Assessment.Organisations;

/// <summary>A user's role in one organisation, from most to least rights (docs/RULES.md §1).</summary>
public enum OrganisationRole
{
    /// <summary>Everything, including the members and the organisation itself.</summary>
    Owner,

    /// <summary>Runs the programme: rounds, respondents, targets, roadmap.</summary>
    CxLead,

    /// <summary>Reads results, roadmap and projects.</summary>
    Contributor,

    /// <summary>Answers the questionnaires they are given.</summary>
    Respondent,

    /// <summary>Reads results, roadmap and projects.</summary>
    Viewer,
}
