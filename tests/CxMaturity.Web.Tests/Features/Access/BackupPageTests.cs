using System.Net;
using CxMaturity.Web.Data;
using CxMaturity.Web.Features.Access;
using CxMaturity.Web.Features.Backups;
using CxMaturity.Web.Tests.Components.Pages;
using CxMaturity.Web.Tests.Infrastructure;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace CxMaturity.Web.Tests.Features.Access;

/// <summary>Backups for site administrators: taken, kept to <c>Backup:Keep</c>, downloaded or restored; refused to everyone else.</summary>
public sealed class BackupPageTests : IAsyncLifetime
{
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2027, 1, 4, 3, 0, 0, TimeSpan.Zero));
    private CxWebApplicationFactory _factory = default!;

    public Task InitializeAsync()
    {
        _factory = new CxWebApplicationFactory
        {
            Time = _time,
            Settings = new Dictionary<string, string?> { ["Jobs:RunServer"] = "false", ["Backup:Keep"] = "2" },
        };
        return Task.CompletedTask;
    }

    public async Task DisposeAsync() => await _factory.DisposeAsync();

    [Fact]
    public async Task An_administrator_takes_backups_keeps_the_newest_and_downloads_one_and_nobody_else_can()
    {
        var administrator = await _factory.CreateAdministratorAsync();
        var member = await _factory.CreateUserAsync();
        var backups = _factory.GetService<BackupService>();

        foreach (var minutes in new[] { 0, 1, 2 })
        {
            _time.SetUtcNow(new DateTimeOffset(2027, 1, 4, 3, minutes, 0, TimeSpan.Zero));
            await backups.CreateAsync(administrator.Id);
        }

        Assert.Equal(["cxmaturity-20270104-030200.cxbackup", "cxmaturity-20270104-030100.cxbackup"], (await backups.ListAsync(administrator.Id)).Select(b => b.Name));
        await Assert.ThrowsAsync<ForbiddenException>(() => backups.ListAsync(member.Id));
        await Assert.ThrowsAsync<ForbiddenException>(() => backups.CreateAsync(member.Id));
        await Assert.ThrowsAsync<NotFoundException>(() => backups.PathForDownloadAsync(administrator.Id, "../cxmaturity.db"));

        using var admin = await PageClient.SignInAsync(_factory, administrator);
        var download = await admin.GetAsync("/admin/backups/cxmaturity-20270104-030200.cxbackup");
        Assert.Equal(HttpStatusCode.OK, download.Status);
        using var memberClient = await PageClient.SignInAsync(_factory, member);
        var refused = await memberClient.GetAsync("/admin/backups/cxmaturity-20270104-030200.cxbackup");
        Assert.Equal(HttpStatusCode.Redirect, refused.Status);
        Assert.Equal("/Account/AccessDenied", refused.Location!.AbsolutePath);
        var page = await admin.GetAsync("/admin/backups");
        Assert.Equal(HttpStatusCode.OK, page.Status);
        Assert.True(page.Has("restore-cxmaturity-20270104-030200.cxbackup"), "Each kept backup has its Restore button.");
        Assert.True(page.Has("restore-choose-file"), "A backup file can be uploaded to restore.");
    }

    [Fact]
    public void A_backup_setting_that_cannot_be_used_stops_the_app_with_a_sentence()
    {
        using var factory = new CxWebApplicationFactory { Settings = new Dictionary<string, string?> { ["Backup:Cron"] = "nightly", ["Backup:Keep"] = "0", ["Backup:RestoreWaitSeconds"] = "0", ["Backup:MaxUploadMegabytes"] = "0" } };

        var refused = Assert.ThrowsAny<Exception>(() => factory.CreateClient()).ToString();

        Assert.Contains("Backup:Cron \"nightly\" is not a cron expression", refused, StringComparison.Ordinal);
        Assert.Contains("Backup:Keep is 0: keep at least 1 backup (the default is 7).", refused, StringComparison.Ordinal);
        Assert.Contains("Backup:RestoreWaitSeconds is 0: give 1 to 600 seconds (the default is 30).", refused, StringComparison.Ordinal);
        Assert.Contains("Backup:MaxUploadMegabytes is 0: allow at least 1 MB (the default is 2048).", refused, StringComparison.Ordinal);
    }
}
