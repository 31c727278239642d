using CxMaturity.Assessment.Common;

namespace CxMaturity.Assessment.Tests.Common;

public sealed class UserTextTests
{
    [Theory]
    [InlineData("Acme\uFFFE", "Character 5 (U+FFFE)")]
    [InlineData("Acme\uFFFF Ltd", "Character 5 (U+FFFF)")]
    [InlineData("Acme\uFDD0", "Character 5 (U+FDD0)")]
    [InlineData("\uD83F\uDFFE x", "Character 1 (U+1FFFE)")]
    public void Non_characters_and_unpaired_surrogates_are_named_with_their_position(string text, string start) =>
        Assert.StartsWith(start, UserText.CharacterProblem(text), StringComparison.Ordinal);

    // Built in code: xunit carries theory data as UTF-8, which cannot hold half a surrogate pair.
    [Fact]
    public void Halves_of_surrogate_pairs_are_named_with_their_position()
    {
        Assert.StartsWith("Character 2 (U+D800, half of a pair)", UserText.CharacterProblem("A" + '\uD800' + "b"), StringComparison.Ordinal);
        Assert.StartsWith("Character 3 (U+DC00, half of a pair)", UserText.CharacterProblem("Ab" + '\uDC00'), StringComparison.Ordinal);
        Assert.StartsWith("Character 1 (U+DC00, half of a pair)", UserText.CharacterProblem(new string(['\uDC00', '\uD800'])), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("Northwind Retail")]
    [InlineData("São Paulo & Co. 😀 — 北京")]
    [InlineData("Line one\nline two\ttabbed")]
    [InlineData("")]
    [InlineData(null)]
    public void Ordinary_text_of_any_script_is_well_formed(string? text)
    {
        Assert.Null(UserText.CharacterProblem(text));
        Assert.True(UserText.IsWellFormed(text));
    }

    [Fact]
    public void Stored_text_is_made_well_formed_by_dropping_what_no_text_may_hold() =>
        Assert.Equal("Acme Retail 😀", UserText.WellFormed("Acme\uFFFE " + '\uD800' + "Retail\uFFFF 😀"));
}
