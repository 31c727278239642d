using CxMaturity.Assessment.Common;
using CxMaturity.Assessment.Rounds;

namespace CxMaturity.Assessment.Tests.Rounds;

public sealed class RoundSettingsTests
{
    private static readonly RoundSettings Current = new(
        "Spring 2026", new DateOnly(2026, 3, 1), new DateOnly(2026, 3, 31), ["strategy", "voc"],
        ["Executive", "Management", "Frontline"], 3, Anonymous: false, RespondentsSeeResults: false, "Executive", "Frontline");

    private static (RoundSettings Valid, IReadOnlyDictionary<string, string[]> Errors) Check(
        RoundSettings requested, RoundStatus status, RoundSettings? current = null, params string[] groupsInUse)
    {
        var errors = new ValidationErrors();
        var valid = RoundSettings.Check(requested, status, current, groupsInUse, errors);
        return (valid, errors.Any ? errors.ToException().Errors : new Dictionary<string, string[]>());
    }

    [Fact]
    public void A_draft_changes_everything_and_text_comes_back_trimmed()
    {
        var requested = Current with
        {
            Name = "  Autumn 2026 ",
            DimensionsInScope = ["voc"],
            RespondentGroups = [" Board ", "Frontline"],
            MinimumGroupSize = 5,
            Anonymous = true,
            PerceptionGroupA = "Board",
        };

        var (valid, errors) = Check(requested, RoundStatus.Draft, Current);

        Assert.Empty(errors);
        Assert.Equal("Autumn 2026", valid.Name);
        Assert.Equal(["Board", "Frontline"], valid.RespondentGroups);
    }

    [Fact]
    public void Every_problem_is_named_by_its_field_at_once()
    {
        var requested = Current with
        {
            Name = " ",
            OpensOn = new DateOnly(2026, 4, 1),
            ClosesOn = new DateOnly(2026, 3, 1),
            DimensionsInScope = [],
            RespondentGroups = ["Frontline", "frontline", ""],
            MinimumGroupSize = 11,
            PerceptionGroupA = "Executive",
            PerceptionGroupB = "Frontline",
        };

        var (_, errors) = Check(requested, RoundStatus.Draft);

        Assert.Equal(["Give the round a name, 1 to 100 characters."], errors["name"]);
        Assert.Equal(["The round cannot close before it opens."], errors["closesOn"]);
        Assert.Equal(["Keep at least one dimension in scope."], errors["dimensionsInScope"]);
        Assert.Equal(["'frontline' is listed twice."], errors["respondentGroups[1]"]);
        Assert.Equal(["Give the group a name, 1 to 100 characters."], errors["respondentGroups[2]"]);
        Assert.Equal(["The minimum group size must be from 1 to 10; this is 11."], errors["minimumGroupSize"]);
        Assert.Equal(["The perception gap compares two of the round's groups; 'Executive' is not one of them."], errors["perceptionGroupA"]);
        Assert.False(errors.ContainsKey("perceptionGroupB"));
    }

    [Fact]
    public void The_perception_gap_compares_two_different_groups()
    {
        var (_, errors) = Check(Current with { PerceptionGroupB = "Executive" }, RoundStatus.Draft);

        Assert.Equal(["The perception gap compares two different groups."], errors["perceptionGroupB"]);
    }

    [Fact]
    public void A_group_people_belong_to_cannot_be_removed_or_renamed()
    {
        var (_, errors) = Check(Current with { RespondentGroups = ["Executive", "Front line"], PerceptionGroupB = "Front line" }, RoundStatus.Draft, Current, "Frontline", "Executive");

        Assert.Equal(["Respondents belong to 'Frontline'; move them to another group before removing or renaming it."], errors["respondentGroups"]);
    }

    [Fact]
    public void An_open_round_keeps_its_scope_and_groups_and_stays_anonymous_once_promised()
    {
        var anonymous = Current with { Anonymous = true };
        var requested = anonymous with
        {
            DimensionsInScope = ["strategy"],
            RespondentGroups = ["Executive", "Frontline"],
            Anonymous = false,
            MinimumGroupSize = 4,
            Name = "Renamed",
            ClosesOn = new DateOnly(2026, 4, 30),
        };

        var (_, errors) = Check(requested, RoundStatus.Open, anonymous);

        Assert.Equal(["The scope is set while the round is a draft; the round is open, so it stays as it is."], errors["dimensionsInScope"]);
        Assert.Equal(["Groups are set while the round is a draft; the round is open, so they stay as they are."], errors["respondentGroups"]);
        Assert.Equal(["Respondents were promised anonymity when they answered; the round stays anonymous."], errors["anonymous"]);
        Assert.Equal(3, errors.Count); // the name, the dates and the minimum group size may change while open
    }

    [Fact]
    public void An_open_round_may_become_anonymous_and_keep_its_scope_in_another_order()
    {
        var (_, errors) = Check(Current with { Anonymous = true, DimensionsInScope = ["voc", "strategy"] }, RoundStatus.Open, Current);

        Assert.Empty(errors);
    }

    [Fact]
    public void A_closed_round_changes_only_its_name_sharing_and_perception_pair()
    {
        var allowed = Current with { Name = "Spring 2026 (final)", RespondentsSeeResults = true, PerceptionGroupA = "Management" };
        Assert.Empty(Check(allowed, RoundStatus.Closed, Current).Errors);

        var refused = Current with { ClosesOn = new DateOnly(2026, 4, 30), MinimumGroupSize = 1, Anonymous = true };
        var (_, errors) = Check(refused, RoundStatus.Closed, Current);

        Assert.Equal(["The round is closed, so its dates stay as they are; reopen it to change them."], errors["closesOn"]);
        Assert.Equal(["The round is closed, so its minimum group size stays as it is."], errors["minimumGroupSize"]);
        Assert.Equal(["The round is closed, so whether it is anonymous stays as it is."], errors["anonymous"]);
    }
}
