using CxMaturity.Assessment.Governance;

namespace CxMaturity.Assessment.Tests.Governance;

public sealed class GovernanceRulesTests
{
    [Fact]
    public void A_raci_row_needs_exactly_one_A_at_least_one_R_and_each_role_once()
    {
        Assert.Empty(RaciRules.Problems([new("Sponsor", RaciLetter.A), new("CX lead", RaciLetter.R), new("Champion", RaciLetter.I)]));
        Assert.Empty(RaciRules.Problems([]));

        Assert.Equal(
            ["No role is accountable (A): exactly one must be."],
            RaciRules.Problems([new("CX lead", RaciLetter.R)]));
        Assert.Equal(
            ["2 roles are accountable (A: Sponsor, CX lead): exactly one must be."],
            RaciRules.Problems([new("Sponsor", RaciLetter.A), new("CX lead", RaciLetter.A), new("Champion", RaciLetter.R)]));
        Assert.Equal(
            ["No role is responsible (R): at least one must be."],
            RaciRules.Problems([new("Sponsor", RaciLetter.A), new("CX lead", RaciLetter.C)]));
        Assert.Equal(
            ["CX lead appears 2 times; a role holds one letter per row."],
            RaciRules.Problems([new("Sponsor", RaciLetter.A), new("CX lead", RaciLetter.R), new("cx lead", RaciLetter.I)]));
    }

    [Theory]
    [InlineData(ProjectStatus.Proposed, ProjectStatus.Done, true)]
    [InlineData(ProjectStatus.Blocked, ProjectStatus.Cancelled, true)]
    [InlineData(ProjectStatus.Done, ProjectStatus.InProgress, true)]
    [InlineData(ProjectStatus.Cancelled, ProjectStatus.Planned, true)]
    [InlineData(ProjectStatus.Done, ProjectStatus.Done, true)]
    [InlineData(ProjectStatus.Done, ProjectStatus.Blocked, false)]
    [InlineData(ProjectStatus.Done, ProjectStatus.Cancelled, false)]
    [InlineData(ProjectStatus.Cancelled, ProjectStatus.Proposed, false)]
    public void Done_and_cancelled_are_final_unless_reopened(ProjectStatus from, ProjectStatus to, bool allowed) =>
        Assert.Equal(allowed, ProjectRules.TransitionRefusal(from, to) is null);

    [Fact]
    public void Refusals_say_what_to_do_and_dates_must_run_forwards()
    {
        Assert.Equal(
            "The project is done, which is final: reopen it (Planned or In progress) before marking it blocked.",
            ProjectRules.TransitionRefusal(ProjectStatus.Done, ProjectStatus.Blocked));
        Assert.Equal("The due date (2026-01-31) is before the start (2026-02-01).", ProjectRules.DatesRefusal(new(2026, 2, 1), new(2026, 1, 31)));
        Assert.Null(ProjectRules.DatesRefusal(new(2026, 2, 1), new(2026, 2, 1)));
        Assert.Null(ProjectRules.DatesRefusal(null, new(2026, 2, 1)));
        Assert.True(ProjectRules.IsLate(ProjectStatus.InProgress, new(2026, 11, 29), new(2026, 11, 30)));
        Assert.False(ProjectRules.IsLate(ProjectStatus.Done, new(2026, 11, 29), new(2026, 11, 30)));
        Assert.False(ProjectRules.IsLate(ProjectStatus.InProgress, new(2026, 11, 30), new(2026, 11, 30)));
    }

    [Fact]
    public void The_customer_gap_pareto_groups_by_cause_sorts_and_marks_the_causes_making_up_the_first_80_percent()
    {
        // Billing 5 + 3 + 2 = 10, Delivery 6 + 2 = 8, App 2: of 20, cumulative 50 %, 90 %, 100 %.
        var pareto = CustomerGaps.Pareto(
        [
            new("Billing", 5), new("Delivery", 6), new("App", 2), new("Billing", 3), new("Delivery", 2), new("Billing", 2),
        ]);

        Assert.Equal(
            [("Billing", 10.0, 3, 0.5, 0.5, true), ("Delivery", 8.0, 2, 0.4, 0.9, true), ("App", 2.0, 1, 0.1, 1.0, false)],
            pareto.Select(p => (p.RootCause, p.Score, p.Problems, Math.Round(p.Share, 9), Math.Round(p.CumulativeShare, 9), p.VitalFew)));
    }

    [Fact]
    public void Causes_with_equal_scores_are_ordered_by_name_and_an_empty_register_has_no_vital_few()
    {
        var pareto = CustomerGaps.Pareto([new("staff", 5), new("Billing", 5), new("app", 5), new("Zero", 0)]);

        Assert.Equal(["app", "Billing", "staff", "Zero"], pareto.Select(p => p.RootCause));
        Assert.Equal([true, true, true, false], pareto.Select(p => p.VitalFew));
        Assert.Empty(CustomerGaps.Pareto([]));
        Assert.All(CustomerGaps.Pareto([new("Billing", 0)]), p => Assert.False(p.VitalFew));
    }

    [Fact]
    public void Journey_coverage_lists_every_stage_in_order_with_its_kpis()
    {
        string[] stages = ["Awareness", "Discovery", "Interest", "Consideration", "Action", "Use", "Advocacy"];

        var coverage = JourneyCoverage.Of(stages, ["Use", "use", "Advocacy", null, "Somewhere else"]);

        Assert.Equal([0, 0, 0, 0, 0, 2, 1], coverage.Select(c => c.Kpis));
        Assert.Equal(["Awareness", "Discovery", "Interest", "Consideration", "Action"], coverage.Where(c => c.Uncovered).Select(c => c.Stage));
    }
}
