using CxMaturity.Assessment.Common;
using CxMaturity.Assessment.Scoring;

namespace CxMaturity.Assessment.Rounds;

/// <summary>What a CX lead sets on a round (docs/RULES.md §3).</summary>
/// <param name="Name">What the round is called, 1..100 characters.</param>
/// <param name="OpensOn">When the round is planned to open; informative.</param>
/// <param name="ClosesOn">When the round is planned to close; not before <paramref name="OpensOn"/>.</param>
/// <param name="DimensionsInScope">The model's dimensions asked and scored; the others drop out of every figure.</param>
/// <param name="RespondentGroups">The groups respondents belong to, in the order pages list them.</param>
/// <param name="MinimumGroupSize">Anonymity: a group with fewer counted respondents has its figures withheld.</param>
/// <param name="Anonymous">No name or email beside anyone's answers, to anyone.</param>
/// <param name="RespondentsSeeResults">Respondents see the results once the round has closed.</param>
/// <param name="PerceptionGroupA">The group the perception gap starts from.</param>
/// <param name="PerceptionGroupB">The group it is compared with.</param>
public sealed record RoundSettings(
    string Name,
    DateOnly? OpensOn,
    DateOnly? ClosesOn,
    IReadOnlyList<string> DimensionsInScope,
    IReadOnlyList<string> RespondentGroups,
    int MinimumGroupSize,
    bool Anonymous,
    bool RespondentsSeeResults,
    string PerceptionGroupA,
    string PerceptionGroupB)
{
    /// <summary>The groups an organisation starts with.</summary>
    public static IReadOnlyList<string> DefaultGroups { get; } = ["Executive", "Management", "Frontline", "Customer-facing partner"];

    /// <summary>The most groups an organisation or a round may have.</summary>
    public const int MaxGroups = 12;

    /// <summary>
    /// Checks <paramref name="requested"/> for a round in <paramref name="status"/> that is set to
    /// <paramref name="current"/> (null for a new round), adding every problem to <paramref name="errors"/>, and returns
    /// the settings with their text trimmed. A draft can change anything; an open round keeps its scope and groups and
    /// may only become anonymous, never stop being so; a closed round changes only its name, result sharing and the
    /// groups its perception gap compares. <paramref name="groupsInUse"/> are groups respondents of the round belong to.
    /// </summary>
    public static RoundSettings Check(
        RoundSettings requested,
        RoundStatus status,
        RoundSettings? current,
        IReadOnlyCollection<string> groupsInUse,
        ValidationErrors errors)
    {
        ArgumentNullException.ThrowIfNull(requested);
        ArgumentNullException.ThrowIfNull(groupsInUse);
        ArgumentNullException.ThrowIfNull(errors);

        var name = errors.Text("name", requested.Name, FieldLimits.Name, "the round a name", required: true)!;
        if (requested.OpensOn is { } opens && requested.ClosesOn is { } closes && closes < opens)
        {
            errors.Add("closesOn", "The round cannot close before it opens.");
        }

        var groups = CheckGroups(requested.RespondentGroups, "respondentGroups", groupsInUse, errors);
        if (requested.MinimumGroupSize is < ScoringOptions.MinMinimumGroupSize or > ScoringOptions.MaxMinimumGroupSize)
        {
            errors.Add("minimumGroupSize", $"The minimum group size must be from {ScoringOptions.MinMinimumGroupSize} to {ScoringOptions.MaxMinimumGroupSize}; this is {requested.MinimumGroupSize}.");
        }

        if (requested.DimensionsInScope.Count == 0)
        {
            errors.Add("dimensionsInScope", "Keep at least one dimension in scope.");
        }

        var pairA = requested.PerceptionGroupA?.Trim() ?? "";
        var pairB = requested.PerceptionGroupB?.Trim() ?? "";
        foreach (var (field, group) in new[] { ("perceptionGroupA", pairA), ("perceptionGroupB", pairB) })
        {
            if (!groups.Contains(group, StringComparer.Ordinal))
            {
                errors.Add(field, $"The perception gap compares two of the round's groups; '{group}' is not one of them.");
            }
        }

        if (pairA.Length > 0 && string.Equals(pairA, pairB, StringComparison.Ordinal))
        {
            errors.Add("perceptionGroupB", "The perception gap compares two different groups.");
        }

        var valid = requested with
        {
            Name = name,
            RespondentGroups = groups,
            PerceptionGroupA = pairA,
            PerceptionGroupB = pairB,
        };
        if (current is not null)
        {
            CheckChangesAllowed(valid, status, current, errors);
        }

        return valid;
    }

    /// <summary>
    /// Checks a list of respondent groups: 1..<see cref="MaxGroups"/> names, each 1..100 characters, no two the same
    /// (ignoring case), and none of <paramref name="groupsInUse"/> left out. Returns the names trimmed.
    /// </summary>
    public static IReadOnlyList<string> CheckGroups(
        IReadOnlyList<string>? groups,
        string field,
        IReadOnlyCollection<string> groupsInUse,
        ValidationErrors errors)
    {
        ArgumentNullException.ThrowIfNull(groupsInUse);
        ArgumentNullException.ThrowIfNull(errors);
        groups ??= [];
        if (groups.Count is 0 or > MaxGroups)
        {
            errors.Add(field, $"Give 1 to {MaxGroups} respondent groups; this is {groups.Count}.");
        }

        var trimmed = new List<string>(groups.Count);
        var seen = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        for (var i = 0; i < groups.Count; i++)
        {
            var name = errors.Text($"{field}[{i}]", groups[i], FieldLimits.Group, "the group a name", required: true)!;
            if (name.Length > 0 && !seen.Add(name))
            {
                errors.Add($"{field}[{i}]", $"'{name}' is listed twice.");
            }

            trimmed.Add(name);
        }

        foreach (var used in groupsInUse.Where(g => !trimmed.Contains(g, StringComparer.Ordinal)).Order(StringComparer.Ordinal))
        {
            errors.Add(field, $"Respondents belong to '{used}'; move them to another group before removing or renaming it.");
        }

        return trimmed;
    }

    private static void CheckChangesAllowed(RoundSettings requested, RoundStatus status, RoundSettings current, ValidationErrors errors)
    {
        if (status == RoundStatus.Draft)
        {
            return;
        }

        var why = status == RoundStatus.Open
            ? "the round is open, so"
            : "the round is closed, so";
        if (!requested.DimensionsInScope.Order(StringComparer.Ordinal).SequenceEqual(current.DimensionsInScope.Order(StringComparer.Ordinal), StringComparer.Ordinal))
        {
            errors.Add("dimensionsInScope", $"The scope is set while the round is a draft; {why} it stays as it is.");
        }

        if (!requested.RespondentGroups.SequenceEqual(current.RespondentGroups, StringComparer.Ordinal))
        {
            errors.Add("respondentGroups", $"Groups are set while the round is a draft; {why} they stay as they are.");
        }

        if (current.Anonymous && !requested.Anonymous)
        {
            errors.Add("anonymous", "Respondents were promised anonymity when they answered; the round stays anonymous.");
        }

        if (status != RoundStatus.Closed)
        {
            return;
        }

        if (requested.OpensOn != current.OpensOn || requested.ClosesOn != current.ClosesOn)
        {
            errors.Add("closesOn", "The round is closed, so its dates stay as they are; reopen it to change them.");
        }

        if (requested.MinimumGroupSize != current.MinimumGroupSize)
        {
            errors.Add("minimumGroupSize", "The round is closed, so its minimum group size stays as it is.");
        }

        if (requested.Anonymous && !current.Anonymous)
        {
            errors.Add("anonymous", "The round is closed, so whether it is anonymous stays as it is.");
        }
    }
}
