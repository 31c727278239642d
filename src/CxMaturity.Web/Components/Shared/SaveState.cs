namespace CxMaturity.Web.Components.Shared;

/// <summary>Where one answer stands between the respondent's click and the database.</summary>
public enum SaveState
{
    /// <summary>Nothing chosen yet, so nothing to save.</summary>
    NotAnswered,

    /// <summary>Sent to the server; not acknowledged yet.</summary>
    Saving,

    /// <summary>Acknowledged as stored.</summary>
    Saved,

    /// <summary>The save failed; the choice is still shown and can be sent again.</summary>
    Failed,
}
