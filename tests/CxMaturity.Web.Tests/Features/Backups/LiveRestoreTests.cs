using System.IO.Compression;
using System.Net;
using CxMaturity.Web.Data;
using CxMaturity.Web.Data.Sqlite;
using CxMaturity.Web.Features.Backups;
using CxMaturity.Web.Features.Questionnaires;
using CxMaturity.Web.Features.Workbooks;
using CxMaturity.Web.Tests.Infrastructure;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.DataProtection.KeyManagement;
using Microsoft.AspNetCore.DataProtection.KeyManagement.Internal;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using static CxMaturity.Web.Tests.Features.Workbooks.WorkbookTestFiles;

namespace CxMaturity.Web.Tests.Features.Backups;

/// <summary>
/// A site administrator restores a backup into the running app: the data goes back to the backup, the app keeps
/// serving (with the same keys), and while the files are swapped every request gets 503 and jobs wait. A file that is
/// no backup, or someone who is no administrator, changes nothing.
/// </summary>
public sealed class LiveRestoreTests : IAsyncLifetime
{
    private readonly HeldRequests _held = new();
    private CxWebApplicationFactory _factory = default!;

    public Task InitializeAsync()
    {
        _factory = new CxWebApplicationFactory
        {
            Settings = new Dictionary<string, string?> { ["Jobs:RunServer"] = "false", ["Backup:RestoreWaitSeconds"] = "5" },
            ConfigureServices = services => services.AddTransient<IStartupFilter>(_ => _held),
        };
        return Task.CompletedTask;
    }

    public async Task DisposeAsync() => await _factory.DisposeAsync();

    private BackupService Backups => _factory.GetService<BackupService>();

    private MaintenanceMode Maintenance => _factory.Services.GetRequiredService<MaintenanceMode>();

    [Fact]
    public async Task A_restore_replaces_every_change_since_the_backup_and_the_app_serves_on_with_the_same_signing_key()
    {
        var administrator = await _factory.CreateAdministratorAsync();
        var org = await _factory.CreateOrganisationWithRoundAsync();
        var respondent = (await _factory.AddRespondentAsync(org.Owner.Id, org.Round.Id)).Respondent.Id;
        var question = _factory.Model.Dimensions[0].Questions[0].Id;
        await SaveAsync(org, respondent, question, 2);
        using var api = await _factory.CreateApiClientAsync(org.Owner.Id);
        var workbook = Fill(await api.DownloadAsync(QuestionnaireUrl(org.Round.Id, respondent)), _factory.Model, new Dictionary<string, Typed> { [question] = new(4) });
        var backup = await Backups.CreateAsync(administrator.Id);

        await SaveAsync(org, respondent, question, 5);
        var later = await _factory.CreateOrganisationAsync(org.Owner.Id, "Founded after the backup");

        var restored = await Backups.RestoreAsync(administrator.Id, backup.Name);

        Assert.Equal((backup.Name, backup.CreatedUtc, false), (restored.Name, restored.TakenUtc, restored.SignedOut));
        Assert.Equal(SqliteBackupArchive.AppVersion, restored.AppVersion);
        Assert.StartsWith("before-restore-", restored.KeptIn, StringComparison.Ordinal);
        Assert.True(File.Exists(Path.Combine(_factory.DataDirectory, restored.KeptIn, DataOptions.DatabaseFileName)));
        Assert.False(Maintenance.IsOn);
        Assert.Equal("ok", await SqliteBackupArchive.IntegrityAsync(Path.Combine(_factory.DataDirectory, DataOptions.DatabaseFileName)));
        Assert.False(await _factory.WithDbAsync(db => db.Organisations.AnyAsync(o => o.Id == later)));
        Assert.Equal(2, (await _factory.Questionnaires.GetAsync(RespondentRef.Member(org.Owner.Id, org.Round.Id, respondent))).Answers[question].Level);

        // Serving on: a page, the API with a token made before the backup, and a workbook signed before it imports.
        using var client = _factory.CreateClient(new() { AllowAutoRedirect = false });
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/Account/Login")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await api.GetAsync("/api/v1/organisations")).StatusCode);
        var imported = await (await api.ImportAsync(org.Round.Id, workbook)).ReadAsync<QuestionnaireImportSummary>();
        Assert.Equal(respondent, imported.RespondentId);
        Assert.Equal(4, (await _factory.Questionnaires.GetAsync(RespondentRef.Member(org.Owner.Id, org.Round.Id, respondent))).Answers[question].Level);
    }

    [Fact]
    public async Task An_uploaded_backup_is_restored_and_kept_under_the_time_it_was_taken()
    {
        var administrator = await _factory.CreateAdministratorAsync();
        var org = await _factory.CreateOrganisationWithRoundAsync();
        var backup = await Backups.CreateAsync(administrator.Id);
        var path = Path.Combine(_factory.DataDirectory, BackupService.FolderName, backup.Name);
        var bytes = await File.ReadAllBytesAsync(path);
        File.Delete(path);
        var later = await _factory.CreateOrganisationAsync(org.Owner.Id, "Founded after the backup");

        var restored = await Backups.RestoreUploadAsync(administrator.Id, new MemoryStream(bytes), "from-the-other-server.cxbackup");

        Assert.Equal(("from-the-other-server.cxbackup", bytes.Length), (restored.Name, restored.ArchiveBytes));
        Assert.False(await _factory.WithDbAsync(db => db.Organisations.AnyAsync(o => o.Id == later)));
        Assert.True(await _factory.WithDbAsync(db => db.Organisations.AnyAsync(o => o.Id == org.OrganisationId)));
        Assert.Equal([backup.Name], (await Backups.ListAsync(administrator.Id)).Select(b => b.Name));
        Assert.Equal(bytes, await File.ReadAllBytesAsync(path));
        Assert.Empty(Directory.GetFiles(Path.Combine(_factory.DataDirectory, BackupService.FolderName), ".upload-*"));
    }

    [Fact]
    public async Task While_a_restore_waits_for_a_job_pages_and_the_API_answer_503_with_Retry_After_and_new_jobs_and_restores_wait()
    {
        var administrator = await _factory.CreateAdministratorAsync();
        var backup = await Backups.CreateAsync(administrator.Id);
        using var client = _factory.CreateClient(new() { AllowAutoRedirect = false });

        var job = await Maintenance.EnterAsync();
        var restore = Backups.RestoreAsync(administrator.Id, backup.Name);
        await WaitUntilAsync(() => Maintenance.IsOn);

        using var page = await client.GetAsync("/Account/Login");
        Assert.Equal(HttpStatusCode.ServiceUnavailable, page.StatusCode);
        Assert.Equal("10", page.Headers.GetValues("Retry-After").Single());
        Assert.Contains("being restored from a backup", await page.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal("nosniff", page.Headers.GetValues("X-Content-Type-Options").Single());
        using var apiResponse = await client.GetAsync("/api/v1/models");
        Assert.Equal(HttpStatusCode.ServiceUnavailable, apiResponse.StatusCode);
        Assert.Equal("10", apiResponse.Headers.GetValues("Retry-After").Single());
        Assert.Equal("application/problem+json", apiResponse.Content.Headers.ContentType?.MediaType);
        Assert.Contains("\"status\":503", await apiResponse.Content.ReadAsStringAsync(), StringComparison.Ordinal);

        var second = await Assert.ThrowsAsync<ConflictException>(() => Backups.RestoreAsync(administrator.Id, backup.Name));
        Assert.Contains("already", second.Message, StringComparison.Ordinal);
        var nextJob = Maintenance.EnterAsync();
        await Task.Delay(200);
        Assert.False(nextJob.IsCompleted);
        Assert.False(restore.IsCompleted);

        job.Dispose();
        await restore;
        (await nextJob.WaitAsync(TimeSpan.FromSeconds(10))).Dispose();
        Assert.False(Maintenance.IsOn);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/Account/Login")).StatusCode);
    }

    [Fact]
    public async Task A_restore_waits_for_a_request_in_flight_and_gives_up_changing_nothing_when_work_goes_on_too_long()
    {
        var administrator = await _factory.CreateAdministratorAsync();
        var org = await _factory.CreateOrganisationWithRoundAsync();
        var backup = await Backups.CreateAsync(administrator.Id);
        var later = await _factory.CreateOrganisationAsync(org.Owner.Id, "Founded after the backup");
        using var client = _factory.CreateClient();

        // A request in flight: the restore waits for it, then restores.
        var held = client.GetAsync(HeldRequests.Path);
        await _held.Entered.Task.WaitAsync(TimeSpan.FromSeconds(10));
        var restore = Backups.RestoreAsync(administrator.Id, backup.Name);
        await WaitUntilAsync(() => Maintenance.IsOn);
        await Task.Delay(300);
        Assert.False(restore.IsCompleted);
        Assert.Empty(Directory.GetDirectories(_factory.DataDirectory, "before-restore-*"));

        _held.Release.SetResult();
        Assert.Equal(HttpStatusCode.OK, (await held).StatusCode);
        await restore;
        Assert.False(await _factory.WithDbAsync(db => db.Organisations.AnyAsync(o => o.Id == later)));

        // Work that goes on longer than Backup:RestoreWaitSeconds: refused, nothing changed, maintenance off.
        var again = await _factory.CreateOrganisationAsync(org.Owner.Id, "Founded after the restore");
        using (await Maintenance.EnterAsync())
        {
            var refused = await Assert.ThrowsAsync<ConflictException>(() => Backups.RestoreAsync(administrator.Id, backup.Name));
            Assert.Contains("still at work after 5 s", refused.Message, StringComparison.Ordinal);
            Assert.Contains("Nothing was changed", refused.Message, StringComparison.Ordinal);
        }

        Assert.False(Maintenance.IsOn);
        Assert.True(await _factory.WithDbAsync(db => db.Organisations.AnyAsync(o => o.Id == again)));
    }

    [Fact]
    public async Task Someone_who_is_not_a_site_administrator_cannot_restore_and_nothing_changes()
    {
        var administrator = await _factory.CreateAdministratorAsync();
        var org = await _factory.CreateOrganisationWithRoundAsync();
        var backup = await Backups.CreateAsync(administrator.Id);
        var later = await _factory.CreateOrganisationAsync(org.Owner.Id, "Founded after the backup");
        var bytes = await File.ReadAllBytesAsync(Path.Combine(_factory.DataDirectory, BackupService.FolderName, backup.Name));

        await Assert.ThrowsAsync<ForbiddenException>(() => Backups.RestoreAsync(org.Owner.Id, backup.Name));
        await Assert.ThrowsAsync<ForbiddenException>(() => Backups.RestoreUploadAsync(org.Owner.Id, new MemoryStream(bytes), "mine.cxbackup"));

        Assert.False(Maintenance.IsOn);
        Assert.True(await _factory.WithDbAsync(db => db.Organisations.AnyAsync(o => o.Id == later)));
        Assert.Empty(Directory.GetDirectories(_factory.DataDirectory, "before-restore-*"));
        Assert.Empty(Directory.GetFiles(Path.Combine(_factory.DataDirectory, BackupService.FolderName), ".upload-*"));
    }

    [Fact]
    public async Task A_file_that_is_not_a_backup_or_whose_database_is_damaged_is_refused_with_the_reason_and_nothing_changes()
    {
        var administrator = await _factory.CreateAdministratorAsync();
        var org = await _factory.CreateOrganisationWithRoundAsync();
        var backup = await Backups.CreateAsync(administrator.Id);
        var later = await _factory.CreateOrganisationAsync(org.Owner.Id, "Founded after the backup");
        var good = await File.ReadAllBytesAsync(Path.Combine(_factory.DataDirectory, BackupService.FolderName, backup.Name));
        var before = DataFiles();

        var cases = new (string Name, byte[] File, string Reason)[]
        {
            ("notes.cxbackup", "not a backup"u8.ToArray(), "notes.cxbackup cannot be restored: it is not a readable zip archive"),
            ("foreign.cxbackup", Rewrite(good, zip => zip.CreateEntry("evil.sh")), "foreign.cxbackup cannot be restored: it holds “evil.sh”, which no backup holds"),
            ("damaged.cxbackup", Rewrite(good, Damage), "damaged.cxbackup cannot be restored: its database fails SQLite's integrity check"),
        };
        foreach (var (name, file, reason) in cases)
        {
            var refused = await Assert.ThrowsAsync<ValidationException>(() => Backups.RestoreUploadAsync(administrator.Id, new MemoryStream(file), name));

            Assert.StartsWith(reason, refused.Errors["file"][0], StringComparison.Ordinal);
            Assert.EndsWith("Nothing was changed.", refused.Errors["file"][0], StringComparison.Ordinal);
            Assert.False(Maintenance.IsOn);
            Assert.Equal(before, DataFiles());
            Assert.True(await _factory.WithDbAsync(db => db.Organisations.AnyAsync(o => o.Id == later)));
        }

        using var client = _factory.CreateClient(new() { AllowAutoRedirect = false });
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/Account/Login")).StatusCode);
    }

    [Fact]
    public async Task Keys_made_since_the_backup_are_gone_after_it_and_the_app_protects_with_the_restored_ones_at_once()
    {
        var administrator = await _factory.CreateAdministratorAsync();
        var keyRing = _factory.Services.GetRequiredService<IKeyRingProvider>();
        var restoredKey = keyRing.GetCurrentKeyRing().DefaultKeyId;
        var backup = await Backups.CreateAsync(administrator.Id);
        var now = DateTimeOffset.UtcNow;
        var newer = _factory.Services.GetRequiredService<IKeyManager>().CreateNewKey(now, now.AddDays(90));
        await WaitUntilAsync(() => keyRing.GetCurrentKeyRing().DefaultKeyId == newer.KeyId); // the app protects with it

        var restored = await Backups.RestoreAsync(administrator.Id, backup.Name);

        Assert.True(restored.SignedOut);
        var ring = keyRing.GetCurrentKeyRing();
        Assert.Equal(restoredKey, ring.DefaultKeyId);
        Assert.Null(ring.GetAuthenticatedEncryptorByKeyId(newer.KeyId, out _));
    }

    private async Task SaveAsync(TestOrganisation org, int respondent, string question, int level) =>
        await _factory.Questionnaires.SaveAsync(RespondentRef.Member(org.Owner.Id, org.Round.Id, respondent), new SaveAnswersRequest([new AnswerInput(question, level)], false));

    // Everything in the data directory but the backups folder (which keeps the backup taken) and the database's
    // shared-memory file: the names, and the keys' and signing key's contents.
    private List<string> DataFiles() =>
        [.. Directory.GetFileSystemEntries(_factory.DataDirectory, "*", SearchOption.AllDirectories)
            .Where(p => !p.Contains(BackupService.FolderName, StringComparison.Ordinal))
            .Select(p => Path.GetRelativePath(_factory.DataDirectory, p) + (p.EndsWith(".xml", StringComparison.Ordinal) || p.EndsWith(WorkbookSigningKey.FileName, StringComparison.Ordinal)
                ? ":" + Convert.ToHexString(File.ReadAllBytes(p))
                : ""))
            .Where(p => !p.StartsWith(DataOptions.DatabaseFileName + "-", StringComparison.Ordinal))
            .Order(StringComparer.Ordinal)];

    private static byte[] Rewrite(byte[] archive, Action<ZipArchive> change)
    {
        var copy = new MemoryStream();
        copy.Write(archive);
        using (var zip = new ZipArchive(copy, ZipArchiveMode.Update, leaveOpen: true))
        {
            change(zip);
        }

        return copy.ToArray();
    }

    // Garbles the database's pages after the first, keeping its header: SQLite opens it and finds it damaged.
    private static void Damage(ZipArchive zip)
    {
        var entry = zip.GetEntry(DataOptions.DatabaseFileName)!;
        byte[] database;
        using (var stream = entry.Open())
        using (var buffer = new MemoryStream())
        {
            stream.CopyTo(buffer);
            database = buffer.ToArray();
        }

        var random = new Random(7);
        for (var i = 4096; i < database.Length; i += 97)
        {
            database[i] = (byte)random.Next(256);
        }

        entry.Delete();
        using var replaced = zip.CreateEntry(DataOptions.DatabaseFileName).Open();
        replaced.Write(database);
    }

    private static async Task WaitUntilAsync(Func<bool> condition)
    {
        var clock = System.Diagnostics.Stopwatch.StartNew();
        while (!condition())
        {
            Assert.True(clock.Elapsed < TimeSpan.FromSeconds(10), "Waited 10 s in vain.");
            await Task.Delay(10);
        }
    }

    /// <summary>A request to <see cref="Path"/> stays in flight until the test releases it; behind the maintenance middleware.</summary>
    private sealed class HeldRequests : IStartupFilter
    {
        public const string Path = "/test/held";

        public TaskCompletionSource Entered { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public TaskCompletionSource Release { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
        {
            app.Use(async (context, nextMiddleware) =>
            {
                if (context.Request.Path != Path)
                {
                    await nextMiddleware(context);
                    return;
                }

                Entered.TrySetResult();
                await Release.Task;
                context.Response.StatusCode = StatusCodes.Status200OK;
            });
            next(app);
        };
    }
}
