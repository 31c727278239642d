namespace CxMaturity.Web.Data;

/// <summary>Where CxMaturity keeps its data (the <c>Data</c> section): the SQLite database and, later, outbox and backups.</summary>
public sealed class DataOptions
{
    public const string SectionName = "Data";

    public const string DatabaseFileName = "cxmaturity.db";

    /// <summary>
    /// The data folder; a relative path is relative to the content root. The default is not <c>data</c> because on
    /// the case-insensitive file systems of Windows and macOS that is the source folder <c>Data/</c>.
    /// </summary>
    public string Directory { get; set; } = "App_Data";

    public string DatabasePath => Path.Combine(Directory, DatabaseFileName);
}
