using System.Text.RegularExpressions;
using CxMaturity.Assessment.Rounds;
using CxMaturity.Web.Features.Invitations;
using CxMaturity.Web.Features.Mail;
using CxMaturity.Web.Features.Questionnaires;
using CxMaturity.Web.Features.Rounds;
using CxMaturity.Web.Tests.Infrastructure;
using Hangfire;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using MimeKit;
using netDumbster.smtp;

namespace CxMaturity.Web.Tests.Features.Invitations;

/// <summary>
/// Invitation emails: one per invitee who has not handed in, each with a new link built from the configured public
/// URL, written whole to the outbox (or sent over SMTP); a resend makes a new link and the old one stops working; a
/// failed send is kept and tried again with back-off; two jobs never send one email twice.
/// </summary>
public sealed partial class InvitationEmailTests : IAsyncLifetime
{
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 11, 30, 9, 0, 0, TimeSpan.Zero));
    private readonly FailingMailSender _failing = new();
    private CxWebApplicationFactory _factory = default!;

    public Task InitializeAsync()
    {
        _factory = new CxWebApplicationFactory
        {
            Time = _time,
            Settings = new Dictionary<string, string?> { ["App:PublicUrl"] = "https://cx.example.com/base/", ["Jobs:RunServer"] = "false" },
        };
        return Task.CompletedTask;
    }

    public async Task DisposeAsync() => await _factory.DisposeAsync();

    // A test that needs the app set up otherwise replaces the factory (never started yet) with its own.
    private async Task UseAsync(CxWebApplicationFactory factory)
    {
        await _factory.DisposeAsync();
        _factory = factory;
    }

    private string Outbox => Path.Combine(_factory.DataDirectory, OutboxMailSender.FolderName);

    [Fact]
    public async Task Each_invitee_who_has_not_handed_in_gets_one_whole_email_with_a_link_that_works()
    {
        var (owner, roundId, invitees) = await RoundAsync("Ada Lovelace", "Ben Okri");
        var member = await _factory.CreateMemberAsync(owner.OrganisationId, OrganisationRole.Contributor);
        await _factory.AddRespondentAsync(owner.Owner.Id, roundId, email: member.Email);

        var queued = await _factory.GetService<InvitationService>().SendAsync(owner.Owner.Id, roundId);
        Assert.Equal((0, 2, 0), (queued.Sent, queued.Waiting, queued.Failing));
        Assert.Equal(1, _factory.Services.GetRequiredService<JobStorage>().GetMonitoringApi().EnqueuedCount("default")); // sent in the background
        Assert.Equal(2, await SendDueAsync());

        var files = Directory.GetFiles(Outbox);
        Assert.Equal(2, files.Length);
        Assert.All(files, f => Assert.Matches(@"^20261130-090000-invitation-(ada-lovelace|ben-okri)-example-com-[0-9a-f]{6}\.eml$", Path.GetFileName(f)));
        Assert.Empty(Directory.GetFiles(Outbox, "*.tmp", SearchOption.AllDirectories).Concat(Directory.GetFiles(Outbox, ".*")));

        var ada = await MimeMessage.LoadAsync(files.Single(f => f.Contains("-ada-lovelace-", StringComparison.Ordinal)));
        Assert.Equal("ada.lovelace@example.com", ada.To.Mailboxes.Single().Address);
        Assert.Contains("Ada Lovelace", ada.TextBody, StringComparison.Ordinal);
        Assert.Contains("It takes about", ada.HtmlBody, StringComparison.Ordinal);
        var link = LinkIn(ada.TextBody);
        Assert.StartsWith("https://cx.example.com/base/invitations/", link, StringComparison.Ordinal);
        Assert.Contains(link, ada.HtmlBody, StringComparison.Ordinal);

        var questionnaire = await _factory.Questionnaires.GetAsync(RespondentRef.Invitation(link.Split('/')[^1]));
        Assert.Equal(invitees[0], questionnaire.RespondentId);

        var progress = await _factory.GetService<InvitationService>().GetProgressAsync(owner.Owner.Id, roundId);
        Assert.Equal((2, 0, 0), (progress.Sent, progress.Waiting, progress.Failing));
    }

    [Fact]
    public async Task A_resend_makes_a_new_link_and_the_old_one_stops_working()
    {
        var (owner, roundId, invitees) = await RoundAsync("Ada Lovelace");
        var invitations = _factory.GetService<InvitationService>();
        await invitations.SendAsync(owner.Owner.Id, roundId);
        await SendDueAsync();
        var first = LinkIn((await MimeMessage.LoadAsync(Directory.GetFiles(Outbox).Single())).TextBody);

        _time.Advance(TimeSpan.FromMinutes(1));
        await invitations.SendAsync(owner.Owner.Id, roundId, [invitees[0]]);
        await SendDueAsync();
        var second = LinkIn((await MimeMessage.LoadAsync(Directory.GetFiles(Outbox).OrderBy(f => f).Last())).TextBody);

        Assert.NotEqual(first, second);
        await Assert.ThrowsAsync<NotFoundException>(() => _factory.Questionnaires.GetAsync(RespondentRef.Invitation(first.Split('/')[^1])));
        Assert.Equal(invitees[0], (await _factory.Questionnaires.GetAsync(RespondentRef.Invitation(second.Split('/')[^1]))).RespondentId);

        await invitations.RevokeAsync(owner.Owner.Id, roundId, invitees[0]);
        await Assert.ThrowsAsync<NotFoundException>(() => _factory.Questionnaires.GetAsync(RespondentRef.Invitation(second.Split('/')[^1])));
    }

    [Fact]
    public async Task A_failed_send_is_kept_with_its_error_and_tried_again_after_its_back_off()
    {
        await UseAsync(new CxWebApplicationFactory
        {
            Time = _time,
            Settings = new Dictionary<string, string?> { ["Jobs:RunServer"] = "false" },
            ConfigureServices = services => services.AddSingleton<IMailSender>(_failing),
        });
        var (owner, roundId, invitees) = await RoundAsync("Ada Lovelace");
        var hashBefore = await HashAsync(invitees[0]);
        _failing.FailuresLeft = 2;

        await _factory.GetService<InvitationService>().SendAsync(owner.Owner.Id, roundId);
        Assert.Equal(0, await SendDueAsync());
        var failing = await _factory.GetService<InvitationService>().GetProgressAsync(owner.Owner.Id, roundId);
        var state = failing.ByRespondent[invitees[0]];
        Assert.Equal((0, 0, 1), (failing.Sent, failing.Waiting, failing.Failing));
        Assert.Equal((1, "Connection refused (test)", _time.GetUtcNow().UtcDateTime.AddMinutes(1)), (state.Attempts, state.LastError, state.NextAttemptUtc!.Value));
        Assert.Equal(hashBefore, await HashAsync(invitees[0])); // the link that never went out does not replace the old one

        Assert.Equal(0, await SendDueAsync()); // not due yet
        _time.Advance(TimeSpan.FromMinutes(1));
        Assert.Equal(0, await SendDueAsync()); // second failure: now 2 minutes
        _time.Advance(TimeSpan.FromMinutes(2));
        Assert.Equal(1, await SendDueAsync());

        Assert.Single(_failing.Sent);
        Assert.NotEqual(hashBefore, await HashAsync(invitees[0]));
        var sent = await _factory.GetService<InvitationService>().GetProgressAsync(owner.Owner.Id, roundId);
        Assert.Equal((1, 0, 0, 3), (sent.Sent, sent.Waiting, sent.Failing, sent.ByRespondent[invitees[0]].Attempts));
    }

    [Fact]
    public async Task Two_jobs_at_once_send_each_email_once()
    {
        var (owner, roundId, _) = await RoundAsync([.. Enumerable.Range(1, 30).Select(i => $"Person {i}")]);
        await _factory.GetService<InvitationService>().SendAsync(owner.Owner.Id, roundId);

        var both = await Task.WhenAll(SendDueAsync(), SendDueAsync());

        Assert.Equal(30, both.Sum());
        Assert.Equal(30, Directory.GetFiles(Outbox).Length);
    }

    [Fact]
    public async Task Over_SMTP_the_message_carries_a_text_and_an_HTML_part()
    {
        using var server = SimpleSmtpServer.Start(); // on a free port of its choosing
        var port = server.Configuration.Port;
        var received = new TaskCompletionSource<SmtpMessage>(TaskCreationOptions.RunContinuationsAsynchronously);
        server.MessageReceived += (_, e) => received.TrySetResult(e.Message);
        await UseAsync(new CxWebApplicationFactory
        {
            Time = _time,
            Settings = new Dictionary<string, string?>
            {
                ["Mail:Smtp:Host"] = "127.0.0.1",
                ["Mail:Smtp:Port"] = port.ToString(System.Globalization.CultureInfo.InvariantCulture),
                ["Mail:Smtp:Security"] = "None",
                ["Mail:FromAddress"] = "cx@example.com",
                ["Jobs:RunServer"] = "false",
            },
        });
        var (owner, roundId, _) = await RoundAsync("Ada Lovelace");

        await _factory.GetService<InvitationService>().SendAsync(owner.Owner.Id, roundId);
        Assert.Equal(1, await SendDueAsync());

        // The server may record the message a moment after it answered the client.
        var message = await received.Task.WaitAsync(TimeSpan.FromSeconds(10));
        Assert.Equal(1, server.ReceivedEmailCount);
        Assert.Equal("ada.lovelace@example.com", message.ToAddresses.Single().Address);
        Assert.Equal(["text/plain", "text/html"], message.MessageParts.Select(p => p.HeaderData.Split(';')[0].Replace("Content-Type: ", "", StringComparison.Ordinal).Trim()));
        Assert.False(Directory.Exists(Outbox));
    }

    [Fact]
    public async Task Only_managers_of_an_open_round_send_invitations()
    {
        var (owner, roundId, _) = await RoundAsync("Ada Lovelace");
        var viewer = await _factory.CreateMemberAsync(owner.OrganisationId, OrganisationRole.Viewer);
        var stranger = await _factory.CreateUserAsync();
        var invitations = _factory.GetService<InvitationService>();

        await Assert.ThrowsAsync<ForbiddenException>(() => invitations.SendAsync(viewer.Id, roundId));
        await Assert.ThrowsAsync<NotFoundException>(() => invitations.SendAsync(stranger.Id, roundId));
        await Assert.ThrowsAsync<NotFoundException>(() => invitations.GetProgressAsync(stranger.Id, roundId));
        await _factory.Rounds.CloseRoundAsync(owner.Owner.Id, roundId);
        var closed = await Assert.ThrowsAsync<ConflictException>(() => invitations.SendAsync(owner.Owner.Id, roundId));

        Assert.Equal("Invitations go out while the round is open: open it first.", closed.Message);
        Assert.Equal(0, await _factory.WithDbAsync(db => db.InvitationSends.CountAsync(s => s.RoundId == roundId)));
    }

    private async Task<int> SendDueAsync()
    {
        using var scope = _factory.Services.CreateScope();
        return await scope.ServiceProvider.GetRequiredService<InvitationSender>().SendDueAsync(CancellationToken.None);
    }

    private async Task<(TestOrganisation Owner, int RoundId, List<int> Invitees)> RoundAsync(params string[] names)
    {
        var organisation = await _factory.CreateOrganisationWithRoundAsync();
        var invitees = new List<int>();
        foreach (var name in names)
        {
            var email = $"{name.Replace(' ', '.').ToLowerInvariant()}@example.com";
            invitees.Add((await _factory.AddRespondentAsync(organisation.Owner.Id, organisation.Round.Id, name: name, email: email)).Respondent.Id);
        }

        return (organisation, organisation.Round.Id, invitees);
    }

    private Task<string?> HashAsync(int respondentId) =>
        _factory.WithDbAsync(db => db.Respondents.Where(r => r.Id == respondentId).Select(r => r.InvitationTokenHash).SingleAsync());

    private static string LinkIn(string? text) => LinkPattern().Match(text ?? "").Value;

    [GeneratedRegex(@"https://\S+/invitations/\S+")]
    private static partial Regex LinkPattern();
}
