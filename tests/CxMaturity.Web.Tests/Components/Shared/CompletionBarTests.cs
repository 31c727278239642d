using Bunit;
using CxMaturity.Web.Components.Shared;

namespace CxMaturity.Web.Tests.Components.Shared;

public sealed class CompletionBarTests : BunitContext
{
    [Theory]
    [InlineData(0, 54, 0)]
    [InlineData(2, 3, 66)]
    [InlineData(27, 54, 50)]
    [InlineData(199, 200, 99)]
    [InlineData(54, 54, 100)]
    [InlineData(0, 0, 0)]
    public void Shows_answered_of_total_with_the_percentage_rounded_down(int answered, int total, int percent)
    {
        var bar = Render<CompletionBar>(p => p.Add(c => c.Answered, answered).Add(c => c.Total, total).Add(c => c.TestId, "overall"));

        Assert.Equal($"{answered} of {total} answered ({percent} %)", bar.Find("[data-testid='overall-text']").TextContent);
        var progress = bar.Find("[role=progressbar]");
        Assert.Equal(percent.ToString(System.Globalization.CultureInfo.InvariantCulture), progress.GetAttribute("aria-valuenow"));
        Assert.Contains($"width: {percent}%", bar.Find(".cx-completion-fill").GetAttribute("style"));
    }

    [Fact]
    public void Only_a_complete_bar_is_marked_done()
    {
        var partial = Render<CompletionBar>(p => p.Add(c => c.Answered, 5).Add(c => c.Total, 6));
        var complete = Render<CompletionBar>(p => p.Add(c => c.Answered, 6).Add(c => c.Total, 6));

        Assert.Empty(partial.FindAll(".cx-completion-fill--done"));
        Assert.Single(complete.FindAll(".cx-completion-fill--done"));
    }

    [Fact]
    public void Names_the_bar_by_its_label()
    {
        var bar = Render<CompletionBar>(p => p.Add(c => c.Answered, 1).Add(c => c.Total, 6).Add(c => c.Label, "Voice of the customer"));

        Assert.Equal("Voice of the customer", bar.Find("[role=progressbar]").GetAttribute("aria-label"));
        Assert.Equal("1 of 6 answered", bar.Find("[role=progressbar]").GetAttribute("aria-valuetext"));
    }
}
