using System.Globalization;

namespace CxMaturity.Assessment.Rounds;

/// <summary>
/// The labels that stand for respondents where names must not (RULES.md §5.14): R01, R02 … in the order given, with
/// more digits once there are more than 99.
/// </summary>
public static class Pseudonyms
{
    /// <summary>A label for each distinct key, numbered in the order the keys first appear.</summary>
    public static IReadOnlyDictionary<TKey, string> Assign<TKey>(IEnumerable<TKey> inOrder)
        where TKey : notnull
    {
        ArgumentNullException.ThrowIfNull(inOrder);
        var order = new List<TKey>();
        var seen = new HashSet<TKey>();
        foreach (var key in inOrder)
        {
            if (seen.Add(key))
            {
                order.Add(key);
            }
        }

        var format = new string('0', Math.Max(2, order.Count.ToString(CultureInfo.InvariantCulture).Length));
        var labels = new Dictionary<TKey, string>(order.Count);
        for (var i = 0; i < order.Count; i++)
        {
            labels[order[i]] = "R" + (i + 1).ToString(format, CultureInfo.InvariantCulture);
        }

        return labels;
    }
}
