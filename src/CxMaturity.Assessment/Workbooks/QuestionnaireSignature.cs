using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace CxMaturity.Assessment.Workbooks;

/// <summary>
/// What a questionnaire workbook's metadata sheet says about it, as the cells hold it: the model and version, the
/// round, the respondent (empty for a blank workbook) and the row of every question on the Questions sheet.
/// An empty and a <c>null</c> respondent are the same: a cell cannot tell them apart.
/// </summary>
public sealed record QuestionnaireStamp(
    string ModelId,
    string ModelVersion,
    string RoundId,
    string RoundName,
    string? RespondentId,
    string? RespondentName,
    IReadOnlyList<QuestionnaireStampRow> Questions);

/// <summary>A question's id and the row of the Questions sheet that holds it.</summary>
public sealed record QuestionnaireStampRow(string QuestionId, int Row);

/// <summary>
/// The HMAC-SHA256 that binds a questionnaire workbook to its round: computed over every field of the
/// <see cref="QuestionnaireStamp"/>, each length-prefixed so that no two stamps share a signature, and compared in
/// constant time.
/// </summary>
public static class QuestionnaireSignature
{
    /// <summary>The shortest key accepted, in bytes.</summary>
    public const int MinKeyLength = 16;

    private const string Format = "cxmaturity-questionnaire/1";

    /// <summary>The base64 signature of <paramref name="stamp"/> under <paramref name="key"/>.</summary>
    public static string Compute(byte[] key, QuestionnaireStamp stamp) =>
        Convert.ToBase64String(Mac(key, stamp));

    /// <summary>Whether <paramref name="signature"/> is the signature of <paramref name="stamp"/> under <paramref name="key"/>.</summary>
    public static bool Verify(byte[] key, QuestionnaireStamp stamp, string? signature)
    {
        var expected = Mac(key, stamp);
        var given = new byte[expected.Length];
        return signature is not null
            && Convert.TryFromBase64String(signature.Trim(), given, out var written)
            && written == expected.Length
            && CryptographicOperations.FixedTimeEquals(expected, given);
    }

    private static byte[] Mac(byte[] key, QuestionnaireStamp stamp)
    {
        ArgumentNullException.ThrowIfNull(key);
        ArgumentNullException.ThrowIfNull(stamp);
        if (key.Length < MinKeyLength)
        {
            throw new ArgumentException($"The signing key has {key.Length} bytes; it needs at least {MinKeyLength}.", nameof(key));
        }

        var text = new StringBuilder();
        Append(text, Format);
        Append(text, stamp.ModelId);
        Append(text, stamp.ModelVersion);
        Append(text, stamp.RoundId);
        Append(text, stamp.RoundName);
        Append(text, stamp.RespondentId);
        Append(text, stamp.RespondentName);
        Append(text, stamp.Questions.Count.ToString(CultureInfo.InvariantCulture));
        foreach (var question in stamp.Questions)
        {
            Append(text, question.QuestionId);
            Append(text, question.Row.ToString(CultureInfo.InvariantCulture));
        }

        return HMACSHA256.HashData(key, Encoding.UTF8.GetBytes(text.ToString()));
    }

    private static void Append(StringBuilder text, string? value)
    {
        value ??= "";
        text.Append(value.Length.ToString(CultureInfo.InvariantCulture)).Append(':').Append(value).Append('\n');
    }
}
