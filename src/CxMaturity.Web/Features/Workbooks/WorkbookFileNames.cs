using System.Globalization;
using System.Text;

namespace CxMaturity.Web.Features.Workbooks;

/// <summary>Download names like <c>northwind-retail-2026-baseline-engagement.xlsx</c>: readable, ASCII, safe on every system.</summary>
public static class WorkbookFileNames
{
    private const int MaxPartLength = 50;

    public static string Engagement(string organisation, string round, bool anonymised) =>
        Join([organisation, round, anonymised ? "engagement-anonymised" : "engagement"]);

    public static string Questionnaire(string organisation, string round, string? respondent) =>
        Join([organisation, round, "questionnaire", respondent]);

    /// <summary>Lower-case ASCII letters and digits, everything else one hyphen: "Säo Paulo & Co." → "sao-paulo-co".</summary>
    public static string Slug(string? text)
    {
        var slug = new StringBuilder();
        // Normalising fails on text that holds non-characters or half a surrogate pair; such text may be stored
        // from before input was checked, and a download must not fail on it.
        foreach (var c in CxMaturity.Assessment.Common.UserText.WellFormed(text ?? "").Normalize(NormalizationForm.FormD))
        {
            if (CharUnicodeInfo.GetUnicodeCategory(c) == UnicodeCategory.NonSpacingMark)
            {
                continue;
            }

            if (char.IsAsciiLetterOrDigit(c))
            {
                slug.Append(char.ToLowerInvariant(c));
            }
            else if (slug.Length > 0 && slug[^1] != '-')
            {
                slug.Append('-');
            }
        }

        var result = slug.ToString().Trim('-');
        return result.Length <= MaxPartLength ? result : result[..MaxPartLength].TrimEnd('-');
    }

    private static string Join(IEnumerable<string?> parts) =>
        string.Join('-', parts.Select(Slug).Where(p => p.Length > 0)) + ".xlsx";
}
