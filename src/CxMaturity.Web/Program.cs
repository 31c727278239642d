using CxMaturity.Assessment.Content;
using CxMaturity.Web.Features.Models;
using CxMaturity.Web.Components;
using CxMaturity.Web.Data.Sqlite;
using CxMaturity.Web.Extensions;
using CxMaturity.Web.Features.Backups;
using CxMaturity.Web.Features.Health;
using CxMaturity.Web.Features.Notifications;
using MudBlazor.Services;

// `validate-content <folder>` checks content without building the web host (docs/CONTENT-FORMAT.md).
if (args is ["validate-content", ..])
{
    if (args is [_, var folder])
    {
        return ContentCommand.Run(ContentOptions.ResolveFolder(folder, Environment.CurrentDirectory), Console.Out);
    }

    await Console.Error.WriteLineAsync("Usage: CxMaturity.Web validate-content <folder>");
    return 2;
}

// `backup <file>` and `restore <file>` work on the data directory the settings name, then exit (README, "Backups").
var command = args is [("backup" or "restore") and var verb, var target, ..] ? (Verb: verb, File: target) : default((string Verb, string File)?);
var builder = WebApplication.CreateBuilder(command is null ? args : args[2..]);

builder.AddContent();
builder.AddData();
builder.AddIdentityServices();
builder.AddFeatureServices();
builder.AddBackgroundJobs();
builder.AddErrorHandling();
builder.Services.AddApi();
builder.AddSecurityHeaders();
builder.Services.AddMaintenanceMode();
builder.Services.AddMudServices();
builder.Services.AddRazorComponents().AddInteractiveServerComponents();

var app = builder.Build();
if (command is { } run)
{
    return await BackupCommand.RunAsync(app.Services, run.Verb, run.File, Console.Out, Console.Error);
}


app.UseErrorHandling();
app.UseHttpsRedirection();
app.UseAntiforgery();

app.MapStaticAssets();
// Uncompressed: a compressing WebSocket keeps a zlib state of about 200 KB per circuit for render batches that
// are a few hundred bytes each (docs/decisions/0004). The frame-ancestors policy Blazor pairs with compression is
// set by UseSecurityHeaders for every response instead.
app.MapRazorComponents<App>().AddInteractiveServerRenderMode(o => o.DisableWebSocketCompression = true);
app.MapAdditionalIdentityEndpoints();
app.MapBackgroundJobDashboard();
app.MapApi();
app.MapNotificationLinks();
app.MapBackupDownloads();
app.MapHealth();

await app.RunAsync();
return 0;

public partial class Program;
