using System.Text.RegularExpressions;
using CxMaturity.Assessment.Rounds;
using CxMaturity.EndToEnd.Tests.Infrastructure;
using CxMaturity.EndToEnd.Tests.Pages;
using CxMaturity.Web.Features.Demo;
using CxMaturity.Web.Features.Organisations;
using CxMaturity.Web.Features.Respondents;
using CxMaturity.Web.Features.Rounds;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using MimeKit;

namespace CxMaturity.EndToEnd.Tests;

/// <summary>
/// A round as a CX lead runs it: invitations sent by email from the round page, three invitees answering through
/// their own links in their own browsers, the round page following them without a reload, and the results showing
/// the gap between what the executive and the frontline believe.
/// </summary>
public sealed partial class InvitationRoundTests(BrowserFixture browser) : IClassFixture<BrowserFixture>
{
    [Fact]
    public async Task Three_invitees_answer_through_their_emailed_links_while_the_CX_lead_watches_and_sees_the_perception_gap()
    {
        var (roundId, dimension) = await RoundAsync();
        var lead = await browser.NewPageAsync();
        await new SignInPage(lead).SignInAsync(DemoSignInInfo.DemoEmail, DemoSignInInfo.DemoPassword);
        await lead.GotoAsync($"/rounds/{roundId}");
        await lead.GetByTestId("interactive-ready").WaitForAsync(new() { State = WaitForSelectorState.Attached });

        await lead.GetByTestId("send-invitations").ClickAsync();
        await lead.GetByTestId("confirm-send-confirm").ClickAsync();
        await Assertions.Expect(lead.GetByTestId("invitations-sent")).ToHaveTextAsync("3", new() { Timeout = 15_000 });
        var links = Links();
        Assert.Equal(["ada.exec@example.com", "ben.front@example.com", "cy.front@example.com"], links.Keys.Order());

        // The executive rates every question 5, the frontline 2: a gap of 3, far past the flag at 1.
        foreach (var (email, level) in new[] { ("ada.exec@example.com", 5), ("ben.front@example.com", 2), ("cy.front@example.com", 2) })
        {
            var context = await browser.Browser.NewContextAsync(new() { BaseURL = browser.App.BaseUrl });
            var page = await context.NewPageAsync();
            await page.GotoAsync(links[email]);
            await page.GetByTestId("interactive-ready").WaitForAsync(new() { State = WaitForSelectorState.Attached });
            await page.GetByTestId("start").ClickAsync();
            var questionnaire = new QuestionnairePage(page);
            foreach (var question in dimension.Questions)
            {
                await questionnaire.AnswerAsync(question.Id, level);
            }

            await questionnaire.SubmitAsync();
            await context.CloseAsync();
        }

        // The round page follows by itself (no reload): all three handed in, per group.
        await Assertions.Expect(lead.GetByTestId("count-submitted")).ToHaveTextAsync("3", new() { Timeout = 15_000 });
        await Assertions.Expect(lead.GetByTestId("group-Frontline").GetByTestId("group-submitted")).ToHaveTextAsync("2");

        await lead.GetByTestId("results-link").ClickAsync();
        await Assertions.Expect(lead.GetByTestId($"gap-flag-{dimension.Id}")).ToBeVisibleAsync();
        await Assertions.Expect(lead.GetByTestId($"gap-row-{dimension.Id}")).ToContainTextAsync("3.0");
        await Assertions.Expect(lead.GetByTestId($"gap-chart-{dimension.Id}")).ToHaveClassAsync(new System.Text.RegularExpressions.Regex("cx-dumbbell-row--flagged"));
        // Where the groups disagree: every question, Executive 5 against Frontline 2.
        await Assertions.Expect(lead.GetByTestId($"spread-{dimension.Questions[0].Id}")).ToHaveTextAsync("3.0");
    }

    // The invitation link each address received, pointed at this test's server (the link's own origin is the
    // configured public URL). Other emails (a reminder job run meanwhile) are not invitations.
    private Dictionary<string, string> Links()
    {
        var links = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var file in Directory.GetFiles(browser.App.Outbox, "*.eml"))
        {
            var message = MimeMessage.Load(file);
            if (message.Headers["X-CxMaturity-Kind"] != "invitation")
            {
                continue;
            }

            var link = new Uri(LinkPattern().Match(message.TextBody ?? "").Value);
            Assert.Equal("http://localhost:5294", link.GetLeftPart(UriPartial.Authority));
            links[message.To.Mailboxes.Single().Address] = link.PathAndQuery;
        }

        return links;
    }

    private async Task<(int RoundId, CxMaturity.Assessment.Content.Dimension Dimension)> RoundAsync()
    {
        var scenario = new Scenario(browser.App);
        var userId = await scenario.DemoUserIdAsync();
        var dimension = scenario.Model.Dimensions[0];
        using var scope = browser.App.Services.CreateScope();
        var organisation = await scope.ServiceProvider.GetRequiredService<OrganisationService>().CreateAsync(userId, "E2E Invitations Ltd");
        var round = await scope.ServiceProvider.GetRequiredService<RoundService>().CreateRoundAsync(userId, organisation.Id,
            new CreateRoundRequest("cx-maturity", "Spring pulse", DimensionsInScope: [dimension.Id], MinimumGroupSize: 1));
        await scope.ServiceProvider.GetRequiredService<RespondentService>().AddListAsync(userId, round.Id,
            "Ada Exec, ada.exec@example.com, Executive\nBen Front, ben.front@example.com, Frontline\nCy Front, cy.front@example.com, Frontline"u8.ToArray());
        return (round.Id, dimension);
    }

    [GeneratedRegex(@"https?://\S+/invitations/\S+")]
    private static partial Regex LinkPattern();
}
