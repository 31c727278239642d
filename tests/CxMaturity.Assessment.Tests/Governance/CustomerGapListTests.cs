using System.Text;
using CxMaturity.Assessment.Governance;

namespace CxMaturity.Assessment.Tests.Governance;

public sealed class CustomerGapListTests
{
    private static readonly string[] Causes = ["Process", "People", "Technology"];

    [Fact]
    public void A_list_without_a_header_is_title_source_cause_score_and_the_score_defaults_to_one()
    {
        var read = CustomerGapList.Read("Late refunds;Complaints;process;3\nRude agent;Survey;People\n", Causes);

        Assert.True(read.IsClean);
        Assert.Equal(
            [(1, "Late refunds", "Complaints", "Process", 3.0), (2, "Rude agent", "Survey", "People", 1.0)],
            read.Gaps.Select(g => (g.Line, g.Title, g.Source, g.RootCause, g.Score)));
    }

    [Fact]
    public void A_header_may_put_the_columns_in_any_order()
    {
        var read = CustomerGapList.Read(Encoding.UTF8.GetBytes("\uFEFFscore,root cause,title\n2.5,Technology,App crashes\n"), Causes);

        Assert.Equal([("App crashes", "", "Technology", 2.5)], read.Gaps.Select(g => (g.Title, g.Source, g.RootCause, g.Score)));
    }

    [Fact]
    public void Every_fault_is_named_by_line_and_nothing_is_taken()
    {
        var read = CustomerGapList.Read("Late refunds;Complaints;Process;3\n;Survey;People\nSlow site;Web;Weather\nLost parcel;Email;Process;-1\nBilling;Email;Process;x\n", Causes);

        Assert.Empty(read.Gaps);
        Assert.Equal(
        [
            (2, "Give the problem's title, 1 to 200 characters."),
            (3, "“Weather” is not one of the root causes: Process, People, Technology."),
            (4, "The score “-1” is not a number above 0 and at most 1,000,000."),
            (5, "The score “x” could not be read: write it with digits and at most one decimal point, without thousands separators (1500, 1.5)."),
        ], read.Problems);
    }

    [Fact]
    public void An_empty_list_or_one_with_only_a_header_says_so()
    {
        Assert.Equal([(0, "The list is empty: give one problem a line, as title, source, root cause and score.")], CustomerGapList.Read(" \n", Causes).Problems);
        Assert.Equal([(0, "The list holds only its header: give one problem a line.")], CustomerGapList.Read("title;source;cause;score\n", Causes).Problems);
    }
}
