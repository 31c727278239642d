using CxMaturity.Web.Features.Common;
using CxMaturity.Web.Features.Tokens;
using CxMaturity.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace CxMaturity.Web.Tests.Features.Tokens;

public sealed class AccessTokenTests : IAsyncLifetime
{
    private readonly ManualTimeProvider _time = new();
    private readonly CxWebApplicationFactory _factory;

    public AccessTokenTests() => _factory = new CxWebApplicationFactory { Time = _time };

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync() => await _factory.DisposeAsync();

    private AccessTokenService Tokens => _factory.AccessTokens;

    [Fact]
    public async Task A_token_identifies_its_user_until_it_is_revoked()
    {
        var user = await _factory.CreateUserAsync();
        var created = await Tokens.CreateAsync(user.Id, "Power BI");

        var before = await Tokens.ValidateAsync(created.Token);
        await Tokens.RevokeAsync(user.Id, created.View.Id);
        var after = await Tokens.ValidateAsync(created.Token);

        Assert.Equal(user.Id, before);
        Assert.Null(after);
        Assert.Null(await Tokens.ValidateAsync(created.Token + "x"));
        Assert.Equal(created.Token[..8], created.View.Prefix);
        var listed = Assert.Single(await Tokens.ListAsync(user.Id));
        Assert.True(listed.IsRevoked);
    }

    [Fact]
    public async Task Only_the_tokens_owner_may_revoke_it()
    {
        var owner = await _factory.CreateUserAsync();
        var other = await _factory.CreateUserAsync();
        var created = await Tokens.CreateAsync(owner.Id, "CI");

        await Assert.ThrowsAsync<NotFoundException>(() => Tokens.RevokeAsync(other.Id, created.View.Id));

        Assert.Equal(owner.Id, await Tokens.ValidateAsync(created.Token));
        Assert.Empty(await Tokens.ListAsync(other.Id));
    }

    [Fact]
    public async Task Last_use_is_recorded_at_most_once_a_minute()
    {
        var user = await _factory.CreateUserAsync();
        var created = await Tokens.CreateAsync(user.Id, "Survey tool");
        var start = _time.GetUtcNow().UtcDateTime;

        await Tokens.ValidateAsync(created.Token);
        _time.Advance(TimeSpan.FromSeconds(30));
        await Tokens.ValidateAsync(created.Token);
        var withinAMinute = await LastUsedAsync(created.View.Id);
        _time.Advance(TimeSpan.FromSeconds(31));
        await Tokens.ValidateAsync(created.Token);
        var afterAMinute = await LastUsedAsync(created.View.Id);

        Assert.Equal(start, withinAMinute);
        Assert.Equal(start.AddSeconds(61), afterAMinute);
    }

    [Fact]
    public async Task A_token_needs_a_name()
    {
        var user = await _factory.CreateUserAsync();

        var problem = await Assert.ThrowsAsync<ValidationException>(() => Tokens.CreateAsync(user.Id, "  "));

        Assert.Equal(["name"], problem.Errors.Keys);
    }

    private Task<DateTime?> LastUsedAsync(int tokenId) =>
        _factory.WithDbAsync(db => db.PersonalAccessTokens.Where(t => t.Id == tokenId).Select(t => t.LastUsedUtc).SingleAsync());
}
