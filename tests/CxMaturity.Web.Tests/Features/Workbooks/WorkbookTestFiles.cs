using System.Net.Http.Headers;
using ClosedXML.Excel;
using CxMaturity.Assessment.Content;
using CxMaturity.Web.Features.Workbooks;

namespace CxMaturity.Web.Tests.Features.Workbooks;

/// <summary>
/// Fills questionnaire workbooks the way a person or another program would — with TestSupport's WorkbookFiles
/// (its members imported everywhere in this project), not through the code under test — and talks to the
/// workbook endpoints.
/// </summary>
internal static class WorkbookTestFiles
{
    public const string Questions = "Questions";

    /// <summary>One answer to type into a questionnaire: a level 1..5, or null for Not applicable.</summary>
    public sealed record Typed(int? Level, string? Comment = null);

    /// <summary>
    /// Types the answers into a questionnaire workbook: the statement of the chosen level (or "Not applicable") in the
    /// Answer column of the question's row, and the comment beside it.
    /// </summary>
    public static byte[] Fill(byte[] workbook, MaturityModel model, IReadOnlyDictionary<string, Typed> answers)
    {
        var rows = QuestionRows(workbook);
        return Edit(workbook, document =>
        {
            foreach (var (questionId, answer) in answers)
            {
                var row = rows[questionId];
                var text = answer.Level is { } level ? model.FindQuestion(questionId)!.OptionFor(level) : "Not applicable";
                SetText(document, Questions, $"D{row}", text);
                if (answer.Comment is not null)
                {
                    SetText(document, Questions, $"E{row}", answer.Comment);
                }
            }
        });
    }

    /// <summary>The row of every question on the Questions sheet, read with ClosedXML.</summary>
    public static Dictionary<string, int> QuestionRows(byte[] workbook)
    {
        using var book = new XLWorkbook(new MemoryStream(workbook));
        return book.Worksheet(Questions).RowsUsed()
            .Where(r => r.RowNumber() > 4 && !r.Cell(2).IsEmpty())
            .ToDictionary(r => r.Cell(2).GetString(), r => r.RowNumber());
    }

    public static string QuestionnaireUrl(int roundId, int? respondentId = null) =>
        $"/api/v1/assessments/{roundId}/questionnaire.xlsx{(respondentId is { } id ? $"?respondentId={id}" : "")}";

    public static string EngagementUrl(int roundId, bool anonymise = false) =>
        $"/api/v1/assessments/{roundId}/workbook.xlsx{(anonymise ? "?anonymise=true" : "")}";

    public static string ImportUrl(int roundId) => $"/api/v1/assessments/{roundId}/questionnaire-imports";

    public static async Task<byte[]> DownloadAsync(this HttpClient client, string url)
    {
        using var response = await client.GetAsync(url);
        var body = await response.Content.ReadAsByteArrayAsync();
        Assert.True(response.IsSuccessStatusCode, $"GET {url} answered {(int)response.StatusCode}: {System.Text.Encoding.UTF8.GetString(body)}");
        Assert.Equal(WorkbookFile.ContentType, response.Content.Headers.ContentType?.MediaType);
        return body;
    }

    /// <summary>Posts a file as multipart/form-data, as a client of the API would.</summary>
    public static Task<HttpResponseMessage> ImportAsync(
        this HttpClient client,
        int roundId,
        byte[] file,
        string fileName = "answers.xlsx",
        IReadOnlyDictionary<string, string>? fields = null)
    {
        var form = new MultipartFormDataContent();
        var content = new ByteArrayContent(file);
        content.Headers.ContentType = new MediaTypeHeaderValue(WorkbookFile.ContentType);
        form.Add(content, "file", fileName);
        foreach (var (name, value) in fields ?? new Dictionary<string, string>())
        {
            form.Add(new StringContent(value), name);
        }

        return client.PostAsync(ImportUrl(roundId), form);
    }
}

/// <summary>A refused import as the API reports it: problem details with every problem and whether confirming would help.</summary>
public sealed record ImportProblemDocument(
    int Status,
    string? Title,
    string Detail,
    List<ImportProblemView> Problems,
    bool ConfirmationRequired);
