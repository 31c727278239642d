using CxMaturity.Assessment.Common;

namespace CxMaturity.Assessment.Tests.Common;

public sealed class EmailAddressesTests
{
    [Theory]
    [InlineData("ada@example.com", true)]
    [InlineData("ada.lovelace+cx@mail.example.co.uk", true)]
    [InlineData("ben@example", false)]
    [InlineData("Ada <ada@example.com>", false)]
    [InlineData("ada@example.com, ben@example.com", false)]
    [InlineData("not-an-email", false)]
    [InlineData("", false)]
    [InlineData(" ", false)]
    public void An_address_is_one_reachable_mailbox(string email, bool valid) =>
        Assert.Equal(valid, EmailAddresses.IsValid(email));

    [Fact]
    public void An_address_longer_than_the_limit_is_refused()
    {
        var local = new string('a', FieldLimits.Email - "@example.com".Length + 1);

        Assert.False(EmailAddresses.IsValid(local + "@example.com"));
        Assert.True(EmailAddresses.IsValid(local[1..] + "@example.com"));
    }
}
