using CxMaturity.Assessment.Workbooks;

namespace CxMaturity.Assessment.Tests.Workbooks;

public sealed class QuestionnaireSignatureTests
{
    private static readonly byte[] Key = WorkbookTestData.Key;

    private static readonly QuestionnaireStamp Stamp =
        new("cx-maturity", "1.0", "7", "Spring 2025", "r-ada", "Ada Lovelace", [new("q1", 6), new("q2", 7)]);

    [Fact]
    public void A_signature_verifies_against_the_stamp_it_was_computed_for()
    {
        var signature = QuestionnaireSignature.Compute(Key, Stamp);

        Assert.True(QuestionnaireSignature.Verify(Key, Stamp, signature));
        Assert.Equal(32, Convert.FromBase64String(signature).Length);
        Assert.Equal(signature, QuestionnaireSignature.Compute(Key, Stamp with { Questions = [new("q1", 6), new("q2", 7)] }));
    }

    public static TheoryData<string, QuestionnaireStamp> ChangedStamps => new()
    {
        { "model", Stamp with { ModelId = "other" } },
        { "version", Stamp with { ModelVersion = "1.1" } },
        { "round", Stamp with { RoundId = "9" } },
        { "round name", Stamp with { RoundName = "Autumn 2025" } },
        { "respondent", Stamp with { RespondentId = "r-grace" } },
        { "blank respondent", Stamp with { RespondentId = null } },
        { "respondent name", Stamp with { RespondentName = "Grace Hopper" } },
        { "question row", Stamp with { Questions = [new("q1", 6), new("q2", 8)] } },
        { "question order", Stamp with { Questions = [new("q2", 7), new("q1", 6)] } },
        { "one question fewer", Stamp with { Questions = [new("q1", 6)] } },
        { "shifted field boundary", Stamp with { ModelId = "cx-maturity1", ModelVersion = ".0" } },
    };

    [Theory]
    [MemberData(nameof(ChangedStamps))]
    public void A_signature_does_not_verify_once_any_field_changes(string change, QuestionnaireStamp changed)
    {
        var signature = QuestionnaireSignature.Compute(Key, Stamp);

        Assert.False(QuestionnaireSignature.Verify(Key, changed, signature), $"Changing the {change} kept the signature valid.");
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("not base64!")]
    [InlineData("AAAA")]
    public void A_missing_or_malformed_signature_does_not_verify(string? signature) =>
        Assert.False(QuestionnaireSignature.Verify(Key, Stamp, signature));

    [Fact]
    public void Another_key_gives_another_signature() =>
        Assert.False(QuestionnaireSignature.Verify([.. Key.Reverse()], Stamp, QuestionnaireSignature.Compute(Key, Stamp)));

    [Fact]
    public void An_empty_and_a_missing_respondent_are_the_same() =>
        Assert.Equal(
            QuestionnaireSignature.Compute(Key, Stamp with { RespondentId = null, RespondentName = null }),
            QuestionnaireSignature.Compute(Key, Stamp with { RespondentId = "", RespondentName = "" }));

    [Fact]
    public void A_short_key_is_refused() =>
        Assert.Throws<ArgumentException>(() => QuestionnaireSignature.Compute(new byte[15], Stamp));
}
