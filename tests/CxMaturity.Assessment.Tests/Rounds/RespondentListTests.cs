using System.Text;
using CxMaturity.Assessment.Rounds;

namespace CxMaturity.Assessment.Tests.Rounds;

public sealed class RespondentListTests
{
    private static readonly string[] Groups = ["Executive", "Management", "Frontline", "Customer-facing partner"];

    [Fact]
    public void Lines_without_a_header_are_name_email_group()
    {
        var result = RespondentList.Read("Ada Lovelace,ada@example.com,Executive\nBen Okri, ben@example.com , frontline\n", Groups, []);

        Assert.True(result.IsClean);
        Assert.Equal(
            [new RespondentLine(1, "Ada Lovelace", "ada@example.com", "Executive"), new RespondentLine(2, "Ben Okri", "ben@example.com", "Frontline")],
            result.People);
    }

    [Fact]
    public void A_header_row_may_order_the_columns_and_semicolons_may_separate_them()
    {
        var result = RespondentList.Read("Group;Email;Name\r\nManagement;cy@example.com;\"Twombly; Cy\"\r\n", Groups, []);

        Assert.Equal([new RespondentLine(2, "Twombly; Cy", "cy@example.com", "Management")], result.People);
    }

    [Fact]
    public void A_UTF8_file_reads_the_same_with_or_without_its_byte_order_mark()
    {
        var text = "Zoë Ångström,zoe@example.com,Executive\n";
        var withBom = Encoding.UTF8.GetPreamble().Concat(Encoding.UTF8.GetBytes(text)).ToArray();

        var plain = RespondentList.Read(Encoding.UTF8.GetBytes(text), Groups, []);
        var marked = RespondentList.Read(withBom, Groups, []);

        Assert.Equal(plain.People, marked.People);
        Assert.Equal("Zoë Ångström", Assert.Single(marked.People).Name);
    }

    [Fact]
    public void Bytes_that_are_not_UTF8_are_refused_as_a_whole()
    {
        var latin1 = Encoding.Latin1.GetBytes("Zoë,zoe@example.com,Executive");

        var result = RespondentList.Read(latin1, Groups, []);

        Assert.Equal([new RespondentLineProblem(0, "The file is not UTF-8 text. Save it as “CSV UTF-8” and try again.")], result.Problems);
    }

    [Fact]
    public void Every_problem_is_listed_by_its_line_and_blank_lines_still_count()
    {
        var text = string.Join('\n',
            "Ada,ada@example.com,Executive",    // 1 fine
            "Ben,ben@example.com",              // 2 missing a column
            "",                                 // 3 blank
            "Cy,not-an-email,Frontline",        // 4 bad email
            "Di,ADA@example.com,Executive",     // 5 duplicate of line 1
            "Ed,ed@example.com,Sales",          // 6 unknown group
            "Flo,flo@example.com,Management",   // 7 already in the round
            ",gus@example.com,");               // 8 empty name and group

        var result = RespondentList.Read(text, Groups, ["FLO@example.com"]);

        Assert.Equal([1], result.People.Select(p => p.Line));
        Assert.Equal(
            [
                new RespondentLineProblem(2, "Give name, email and group, separated by commas or semicolons; this line has 2 columns."),
                new RespondentLineProblem(4, "“not-an-email” is not a valid email address."),
                new RespondentLineProblem(5, "ADA@example.com is already on line 1."),
                new RespondentLineProblem(6, "“Sales” is not one of the round's groups: Executive, Management, Frontline, Customer-facing partner."),
                new RespondentLineProblem(7, "flo@example.com is already a respondent in this round."),
                new RespondentLineProblem(8, "Give the respondent's name, 1 to 100 characters."),
                new RespondentLineProblem(8, "The group is empty; use one of the round's groups: Executive, Management, Frontline, Customer-facing partner."),
            ],
            result.Problems);
        Assert.False(result.IsClean);
    }

    [Fact]
    public void A_quoted_name_across_two_lines_is_reported_at_the_line_it_starts_on()
    {
        var result = RespondentList.Read("Ada,ada@example.com,Executive\n\"Ben\nOkri\",bad,Frontline\nCy,cy@example.com,Sales\n", Groups, []);

        Assert.Equal([2, 4], result.Problems.Select(p => p.Line));
    }

    [Fact]
    public void An_empty_list_says_what_to_give()
    {
        var result = RespondentList.Read(" \n\n", Groups, []);

        Assert.Equal([new RespondentLineProblem(0, "The list is empty: give one person a line, as name, email, group.")], result.Problems);
    }
}
