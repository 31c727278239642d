using ClosedXML.Excel;
using CxMaturity.EndToEnd.Tests.Infrastructure;
using CxMaturity.EndToEnd.Tests.Pages;
using CxMaturity.Web.Features.Demo;
using CxMaturity.TestSupport;
using Microsoft.Playwright;

namespace CxMaturity.EndToEnd.Tests;

public sealed class ImportPageTests(BrowserFixture browser) : IClassFixture<BrowserFixture>
{
    [Fact]
    public async Task A_workbook_with_empty_questions_is_not_handed_in_by_default_and_statuses_read_as_words()
    {
        var scenario = new Scenario(browser.App);
        var roundId = await scenario.RoundWithRespondentsAsync("E2E Import Ltd", submitted: 1, inProgress: 1, invited: 1);
        var page = await browser.NewPageAsync();
        await new SignInPage(page).SignInAsync(DemoSignInInfo.DemoEmail, DemoSignInInfo.DemoPassword);
        var blank = await (await page.APIRequest.GetAsync($"/downloads/rounds/{roundId}/questionnaire.xlsx")).BodyAsync();
        var question = scenario.Model.AllQuestions.First();
        var oneAnswer = WorkbookFiles.Edit(blank, document => WorkbookFiles.SetText(document, "Questions", $"D{RowOf(blank, question.Id)}", question.OptionFor(3)));
        await page.GotoAsync($"/rounds/{roundId}/import");
        await page.GetByTestId("interactive-ready").WaitForAsync(new() { State = WaitForSelectorState.Attached });

        await page.Locator("input[type=file]").SetInputFilesAsync(new FilePayload
        {
            Name = "one-answer.xlsx",
            MimeType = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
            Buffer = oneAnswer,
        });

        await Assertions.Expect(page.GetByTestId("import-ready")).ToBeVisibleAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Checkbox, new() { Name = "Hand the questionnaire in" })).Not.ToBeCheckedAsync();
        await Assertions.Expect(page.GetByTestId("submit-hint")).ToContainTextAsync("questions are still empty");
        var options = await page.GetByTestId("import-respondent").Locator("option").AllTextContentsAsync();
        Assert.Contains(options, o => o.EndsWith("(Frontline, in progress)", StringComparison.Ordinal));
        Assert.Contains(options, o => o.EndsWith("(Frontline, submitted)", StringComparison.Ordinal));
        Assert.DoesNotContain(options, o => o.Contains("InProgress", StringComparison.Ordinal));
    }

    // The Questions sheet's row of a question: its id stands in column B.
    private static int RowOf(byte[] workbook, string questionId)
    {
        using var book = new XLWorkbook(new MemoryStream(workbook));
        return book.Worksheet("Questions").RowsUsed().First(r => r.Cell(2).GetString() == questionId).RowNumber();
    }
}
