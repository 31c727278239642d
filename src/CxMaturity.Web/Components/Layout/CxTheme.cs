using MudBlazor;

namespace CxMaturity.Web.Components.Layout;

/// <summary>
/// The product's one theme: a single blue accent on neutral greys, chosen for contrast (white on the accent is
/// above 7:1) rather than decoration, and the system font stack so nothing is fetched from elsewhere.
/// </summary>
public static class CxTheme
{
    public const string Accent = "#1f4e8c";

    public static MudTheme Theme { get; } = Create();

    private static MudTheme Create()
    {
        var theme = new MudTheme
        {
            PaletteLight = new PaletteLight
            {
                Primary = Accent,
                PrimaryContrastText = "#ffffff",
                Secondary = "#455a64",
                Tertiary = "#00796b",
                Info = "#1f6fb2",
                Success = "#2e7d32",
                Warning = "#b26a00",
                Error = "#c62828",
                AppbarBackground = "#ffffff",
                AppbarText = "#1c2430",
                Background = "#f5f7fa",
                Surface = "#ffffff",
                DrawerBackground = "#ffffff",
                DrawerText = "#1c2430",
                DrawerIcon = "#4a5568",
                TextPrimary = "#1c2430",
                TextSecondary = "#4a5568",
                ActionDefault = "#4a5568",
                LinesDefault = "#dde3ea",
                TableLines = "#e6ebf1",
                Divider = "#dde3ea",
            },
            LayoutProperties = new LayoutProperties
            {
                DefaultBorderRadius = "6px",
                DrawerWidthLeft = "248px",
            },
        };

        string[] fonts = ["system-ui", "-apple-system", "Segoe UI", "Roboto", "Helvetica Neue", "Arial", "sans-serif"];
        theme.Typography.Default.FontFamily = fonts;
        theme.Typography.H1.FontFamily = fonts;
        theme.Typography.H4.FontSize = "1.75rem";
        theme.Typography.H4.FontWeight = "600";
        theme.Typography.H5.FontSize = "1.35rem";
        theme.Typography.H5.FontWeight = "600";
        theme.Typography.H6.FontSize = "1.1rem";
        theme.Typography.H6.FontWeight = "600";
        theme.Typography.Button.TextTransform = "none";
        return theme;
    }
}
