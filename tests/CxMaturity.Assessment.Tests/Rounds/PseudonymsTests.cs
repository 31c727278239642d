using CxMaturity.Assessment.Rounds;

namespace CxMaturity.Assessment.Tests.Rounds;

public sealed class PseudonymsTests
{
    [Fact]
    public void Keys_are_numbered_in_the_order_they_first_appear()
    {
        var labels = Pseudonyms.Assign([42, 7, 42, 13]);

        Assert.Equal([(42, "R01"), (7, "R02"), (13, "R03")], labels.Select(l => (l.Key, l.Value)));
    }

    [Fact]
    public void Past_99_respondents_every_label_gets_a_third_digit()
    {
        var labels = Pseudonyms.Assign(Enumerable.Range(1, 100));

        Assert.Equal(("R001", "R099", "R100"), (labels[1], labels[99], labels[100]));
    }
}
