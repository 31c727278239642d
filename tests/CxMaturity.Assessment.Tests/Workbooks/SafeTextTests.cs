using CxMaturity.Assessment.Workbooks;

namespace CxMaturity.Assessment.Tests.Workbooks;

public sealed class SafeTextTests
{
    [Theory]
    [InlineData("=HYPERLINK(\"http://evil\")")]
    [InlineData("+1+2")]
    [InlineData("-2+3")]
    [InlineData("@SUM(A1)")]
    [InlineData("\t=1+1")]
    [InlineData("\r=1+1")]
    public void Text_starting_like_a_formula_gets_a_leading_apostrophe(string text) =>
        Assert.Equal(("'" + text).ReplaceLineEndings("\n"), SafeText.ForCell(text));

    [Fact]
    public void Line_breaks_become_line_feeds() =>
        Assert.Equal("one\ntwo\nthree", SafeText.ForCell("one\r\ntwo\rthree"));

    [Theory]
    [InlineData("Plain answer")]
    [InlineData("a = b")]
    [InlineData("00123")]
    [InlineData("1/2")]
    [InlineData("'quoted already")]
    [InlineData(" =leading space")]
    public void Other_text_is_kept_as_it_is(string text) => Assert.Equal(text, SafeText.ForCell(text));

    [Fact]
    public void Null_becomes_empty() => Assert.Equal("", SafeText.ForCell(null));

    [Fact]
    public void Text_longer_than_a_cell_is_cut_to_32767_characters_ending_with_the_marker()
    {
        var safe = SafeText.ForCell(new string('x', 40_000));

        Assert.Equal(32_767, safe.Length);
        Assert.EndsWith("… [truncated]", safe);
        Assert.StartsWith(new string('x', 32_767 - "… [truncated]".Length), safe);
    }

    [Fact]
    public void Text_of_exactly_32767_characters_is_not_cut()
    {
        var text = new string('y', 32_767);

        Assert.Equal(text, SafeText.ForCell(text));
    }

    [Fact]
    public void Truncation_never_splits_a_surrogate_pair()
    {
        var keep = 32_767 - "… [truncated]".Length;
        var text = new string('z', keep - 1) + "😀" + new string('z', 100);

        var safe = SafeText.ForCell(text);

        Assert.Equal(new string('z', keep - 1) + "… [truncated]", safe);
    }

    [Fact]
    public void Characters_xml_cannot_carry_are_dropped_before_the_formula_check()
    {
        Assert.Equal("'=1+1", SafeText.ForCell("\u0001=1+1"));
        Assert.Equal("ab", SafeText.ForCell("a\u0008b"));
        Assert.Equal("line 1\nline 2", SafeText.ForCell("line 1\nline 2"));
    }

    [Fact]
    public void Restore_removes_only_the_apostrophe_that_ForCell_added()
    {
        Assert.Equal("=1+1", SafeText.Restore(SafeText.ForCell("=1+1")));
        Assert.Equal("'quoted", SafeText.Restore("'quoted"));
    }
}
