namespace CxMaturity.Web.Features.Demo;

/// <summary>The demo data of Development (the <c>Demo</c> section). Outside Development there is never demo data.</summary>
public sealed class DemoOptions
{
    public const string SectionName = "Demo";

    /// <summary>Seed the demo organisation into an empty database at start (Development only).</summary>
    public bool Enabled { get; set; } = true;
}
