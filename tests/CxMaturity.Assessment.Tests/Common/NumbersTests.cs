using CxMaturity.Assessment.Common;

namespace CxMaturity.Assessment.Tests.Common;

public sealed class NumbersTests
{
    [Theory]
    [InlineData("1500", 1500.0)]
    [InlineData("1.5", 1.5)]
    [InlineData("1,5", 1.5)]
    [InlineData(" -2,25 ", -2.25)]
    [InlineData("4.667", 4.667)]
    [InlineData("0,1234", 0.1234)]
    public void A_point_or_a_comma_is_the_decimal_separator(string text, double expected)
    {
        Assert.True(Numbers.TryParse(text, out var value));
        Assert.Equal(expected, value, 9);
    }

    [Theory]
    [InlineData("1,500")]
    [InlineData("1.500,5")]
    [InlineData("1,500,000")]
    [InlineData("1e5")]
    [InlineData("abc")]
    [InlineData("")]
    [InlineData(null)]
    public void A_thousands_separator_or_anything_else_is_refused(string? text) => Assert.False(Numbers.TryParse(text, out _));
}
