using CxMaturity.EndToEnd.Tests.Infrastructure;
using CxMaturity.EndToEnd.Tests.Pages;
using CxMaturity.Web.Features.Demo;
using CxMaturity.Web.Features.Organisations;
using CxMaturity.Web.Features.Projects;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace CxMaturity.EndToEnd.Tests;

/// <summary>
/// A project edited in two tabs: the first save wins, the second editor is told what the first changed and keeps
/// their own edits to save again; the board shows the project in its new column.
/// </summary>
public sealed class ProjectEditingTests(BrowserFixture browser) : IClassFixture<BrowserFixture>
{
    [Fact]
    public async Task Two_tabs_edit_one_project_and_the_second_sees_what_the_first_changed()
    {
        var (organisationId, projectId) = await ProjectAsync();
        var first = await browser.NewPageAsync();
        await new SignInPage(first).SignInAsync(DemoSignInInfo.DemoEmail, DemoSignInInfo.DemoPassword);
        var second = await first.Context.NewPageAsync();
        foreach (var tab in new[] { first, second })
        {
            await tab.GotoAsync($"/projects/{projectId}");
            await tab.GetByTestId("interactive-ready").WaitForAsync(new() { State = WaitForSelectorState.Attached });
            await tab.GetByTestId("edit-project").ClickAsync();
        }

        await first.GetByTestId("project-status-input").SelectOptionAsync("InProgress");
        await first.GetByTestId("add-milestone").ClickAsync();
        await first.GetByTestId("milestone-title").FillAsync("Map the refund process");
        await first.GetByTestId("save-project").ClickAsync();
        await Assertions.Expect(first.GetByTestId("project-status")).ToHaveTextAsync("In progress");

        await second.GetByTestId("project-title-input").FillAsync("Refunds in three days");
        await second.GetByTestId("save-project").ClickAsync();
        await Assertions.Expect(second.GetByTestId("project-conflict")).ToBeVisibleAsync();
        await Assertions.Expect(second.GetByTestId("project-conflict-change")).ToHaveTextAsync([
            "Status: “Proposed” → “In progress”",
            "Milestones: “none” → “Map the refund process”",
        ]);
        await Assertions.Expect(second.GetByTestId("project-title-input")).ToHaveValueAsync("Refunds in three days");

        // Saving again is a decision: the second editor's form replaces what the first saved.
        await second.GetByTestId("save-project").ClickAsync();
        await Assertions.Expect(second.GetByTestId("project-title")).ToHaveTextAsync("Refunds in three days");

        await first.GotoAsync($"/organisations/{organisationId}/projects");
        await first.GetByTestId("interactive-ready").WaitForAsync(new() { State = WaitForSelectorState.Attached });
        await Assertions.Expect(first.GetByTestId("column-Proposed").GetByTestId($"card-{projectId}")).ToContainTextAsync("Refunds in three days");
        await first.GetByTestId("show-list").ClickAsync();
        await Assertions.Expect(first.GetByTestId($"row-{projectId}")).ToContainTextAsync("Proposed");
    }

    private async Task<(int OrganisationId, int ProjectId)> ProjectAsync()
    {
        var userId = await new Scenario(browser.App).DemoUserIdAsync();
        using var scope = browser.App.Services.CreateScope();
        var organisation = await scope.ServiceProvider.GetRequiredService<OrganisationService>().CreateAsync(userId, "E2E Projects Ltd");
        var project = await scope.ServiceProvider.GetRequiredService<ProjectService>().CreateAsync(userId, organisation.Id, new ProjectRequest("Fix refunds"));
        return (organisation.Id, project.Id);
    }
}
