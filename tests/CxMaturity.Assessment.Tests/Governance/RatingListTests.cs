using System.Text;
using CxMaturity.Assessment.Governance;

namespace CxMaturity.Assessment.Tests.Governance;

public sealed class RatingListTests
{
    [Fact]
    public void Typed_ratings_may_share_a_line_and_trailing_blank_lines_are_ignored()
    {
        var read = RatingList.Read("9, 10; 7\n0\t6 8\r\n\n\n", RatingScale.Nps);

        Assert.True(read.IsClean);
        Assert.Equal([9, 10, 7, 0, 6, 8], read.Ratings);
    }

    [Fact]
    public void Every_bad_line_is_named_and_no_rating_is_taken()
    {
        var read = RatingList.Read("9\n\n11\nabc\n7.5\n-1\n10\n", RatingScale.Nps);

        Assert.Empty(read.Ratings);
        Assert.Equal(
        [
            ("line 2", "The line is empty: give a rating or remove the line."),
            ("line 3", "11 is not a rating from 0 to 10."),
            ("line 4", "“abc” is not a rating; give whole numbers from 0 to 10."),
            ("line 5", "“7.5” is not a whole number; ratings are whole numbers from 0 to 10."),
            ("line 6", "-1 is not a rating from 0 to 10."),
        ], read.Problems.Select(p => (p.Where, p.Message)));
    }

    [Theory]
    [InlineData("0", KpiKind.Csat, "0 is not a rating from 1 to 5.")]
    [InlineData("8", KpiKind.Ces, "8 is not a rating from 1 to 7.")]
    [InlineData("11", KpiKind.Nps, "11 is not a rating from 0 to 10.")]
    public void Each_kind_checks_its_own_scale(string text, KpiKind kind, string message) =>
        Assert.Equal(message, RatingList.Read(text, RatingScale.For(kind)!).Problems.Single().Message);

    [Fact]
    public void An_empty_file_or_one_that_is_not_utf8_says_so()
    {
        Assert.Equal(("list", "There are no ratings: give one or more, one a line."), Single(RatingList.Read("\n \n", RatingScale.Nps)));
        Assert.Equal("file", RatingList.Read([0xFF, 0xFE, 0x39], RatingScale.Nps).Problems.Single().Where);
    }

    [Fact]
    public void A_named_column_of_a_csv_file_is_read_by_line_with_empty_cells_reported()
    {
        var file = Encoding.UTF8.GetBytes("\uFEFFid;Score;channel\n1;9;web\n2;;shop\n3;10;web\n4;12;app\n");

        Assert.Equal(["id", "Score", "channel"], RatingList.Columns(file));
        var read = RatingList.ReadColumn(file, "score", RatingScale.Nps);
        Assert.Equal(
            [("line 3", "The “Score” column is empty on this line."), ("line 5", "12 is not a rating from 0 to 10.")],
            read.Problems.Select(p => (p.Where, p.Message)));

        var clean = RatingList.ReadColumn(Encoding.UTF8.GetBytes("id,score\n1,9\n\n3,10\n"), "Score", RatingScale.Nps);
        Assert.Equal([9, 10], clean.Ratings);
        Assert.Equal(
            ("file", "The file has no column “rating”; its columns are “id”, “score”."),
            Single(RatingList.ReadColumn(Encoding.UTF8.GetBytes("id,score\n1,9\n"), "rating", RatingScale.Nps)));
    }

    [Fact]
    public void A_plain_list_has_no_columns()
    {
        Assert.Empty(RatingList.Columns(Encoding.UTF8.GetBytes("9\n10\n")));
        Assert.Empty(RatingList.Columns([]));
    }

    [Fact]
    public void Ratings_sent_as_numbers_are_named_by_index()
    {
        var read = RatingList.Check([9, 11, 3, -2], RatingScale.Nps);

        Assert.Equal(
            [("ratings[1]", "11 is not a rating from 0 to 10."), ("ratings[3]", "-2 is not a rating from 0 to 10.")],
            read.Problems.Select(p => (p.Where, p.Message)));
        Assert.Equal([5, 4], RatingList.Check([5, 4], RatingScale.Csat).Ratings);
    }

    [Fact]
    public void A_list_with_very_many_problems_lists_the_first_hundred_and_counts_the_rest()
    {
        var read = RatingList.Read(string.Join('\n', Enumerable.Repeat("x", 250)), RatingScale.Nps);

        Assert.Equal(101, read.Problems.Count);
        Assert.Equal(("list", "… and 150 more problems like these."), (read.Problems[^1].Where, read.Problems[^1].Message));
    }

    private static (string, string) Single(RatingListResult result) => (result.Problems.Single().Where, result.Problems.Single().Message);
}
