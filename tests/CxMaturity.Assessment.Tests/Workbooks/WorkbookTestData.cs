using CxMaturity.Assessment.Workbooks;

namespace CxMaturity.Assessment.Tests.Workbooks;

/// <summary>Shared inputs for the workbook tests: small enough to check by hand, varied enough to cover every sheet.</summary>
internal static class WorkbookTestData
{
    public static readonly byte[] Key = [.. Enumerable.Range(1, 32).Select(i => (byte)(i * 7))];

    public static readonly (string Id, string Name, string Group)[] Respondents =
    [
        ("r-ada", "Ada Lovelace", "Executive"),
        ("r-grace", "Grace Hopper", "Frontline"),
        ("r-alan", "Alan Turing", "Management"),
    ];

    public static readonly (string DimensionId, string Dimension, string QuestionId, string Text)[] Questions =
    [
        ("strategy", "CX strategy and leadership", "strategy.vision", "How clearly is the customer-experience vision stated?"),
        ("strategy", "CX strategy and leadership", "strategy.sponsor", "Who sponsors customer experience at board level?"),
        ("strategy", "CX strategy and leadership", "strategy.budget", "How is customer-experience work funded?"),
        ("voc", "Voice of the customer", "voc.listen", "How do you collect customer feedback?"),
        ("voc", "Voice of the customer", "voc.loops", "How do you close the loop with customers?"),
        ("voc", "Voice of the customer", "voc.share", "How widely is customer feedback shared?"),
    ];

    /// <summary>Level of respondent r on question q: null (NotApplicable) for Grace on voc.share.</summary>
    public static int? LevelOf(int respondent, int question) =>
        respondent == 1 && question == 5 ? null : ((respondent + question) % 5) + 1;

    public static EngagementWorkbookData Engagement() => new()
    {
        Organisation = "Acme Retail",
        RoundName = "Spring 2025",
        ModelId = "cx-maturity",
        ModelVersion = "1.0",
        ModelTitle = "CX maturity",
        OpensOn = new DateOnly(2025, 3, 1),
        ClosesOn = new DateOnly(2025, 3, 31),
        GeneratedAtUtc = new DateTime(2025, 4, 2, 9, 30, 0, DateTimeKind.Utc),
        RespondentsSubmitted = 3,
        RespondentsInvited = 4,
        OverallScore = 2.456,
        OverallStage = "Development",
        FoundationStage = "Development",
        StageNames = ModelBuilder.StageNames,
        Dimensions =
        [
            new("strategy", "CX strategy and leadership", 2.345, "Development", "Definition", 0.655),
            new("voc", "Voice of the customer", 3.125, "Definition", "Managed", 0.875),
        ],
        DimensionStatistics =
        [
            new("CX strategy and leadership", "All", 3, 2.345, 2.5, 1.5, 3.0, 0.62361),
            new("CX strategy and leadership", "Executive", 1, 3.0, 3.0, 3.0, 3.0, 0.0),
            new("Voice of the customer", "All", 3, 3.125, 3.0, 2.0, 4.5, 1.02),
            new("Voice of the customer", "Frontline", 0, null, null, null, null, null),
        ],
        Questions =
        [
            .. Questions.Select((q, i) => new QuestionStatisticsRow(q.Dimension, q.QuestionId, q.Text, 2.0 + (i / 4.0), [1, 0, 1, 0, 1], i == 5 ? 1 : 0)),
        ],
        Responses = [.. Responses()],
        Roadmap =
        [
            new(1, "Short term (0–6 months)", "CX strategy and leadership", "2 → 3", "Write a one-page CX vision", 1.23456, 4, 2, "Accepted", "Jane Doe", "Vision sprint", 0.45),
            new(2, "Short term (0–6 months)", "Voice of the customer", "3 → 4", "Close the loop within 48 hours", 0.987, 3, 3, "Proposed", null, null, 0.81),
            new(3, "Medium term (6–12 months)", "CX strategy and leadership", "3 → 4", "Fund CX from the business plan", 0.5, 5, 5, "Rejected", "Sam Lee", null, 1.0),
        ],
        Raci = new RaciMatrix(
            ["Executive sponsor", "CX lead", "Journey owner"],
            [
                new RaciRow("Vision sprint", ["A", "R", "C"]),
                new RaciRow("Close the loop within 48 hours", ["I", "A", "R"]),
            ]),
        Kpis =
        [
            new("Net Promoter Score", "NPS", "points", "Higher is better", 40, "Advocacy", "Jane Doe", "Monthly", ["Voice of the customer"]),
            new("Customer effort", "CES", null, "Higher is better", 5.5, null, null, "Quarterly", []),
        ],
        KpiMeasurements =
        [
            new("Net Promoter Score", new DateOnly(2025, 1, 31), 32.5, 40, "Below target"),
            new("Net Promoter Score", new DateOnly(2025, 2, 28), 41.333333, 40, "On target"),
            new("Customer effort", new DateOnly(2025, 3, 31), 5.25, 5.5, "Below target"),
        ],
        Projects =
        [
            new("Vision sprint", "CX strategy and leadership", "InProgress", "Jane Doe", new DateOnly(2025, 4, 1), new DateOnly(2025, 6, 30), "Write a one-page CX vision",
            [
                new MilestoneRow("Draft vision", new DateOnly(2025, 4, 30), true),
                new MilestoneRow("Board sign-off", new DateOnly(2025, 6, 15), false),
            ]),
            new("Feedback tooling", null, "Proposed", null, null, null, null, []),
        ],
        CustomerGaps =
        [
            new("Slow complaint handling", 12, 0.5, 0.5, true),
            new("Confusing invoices", 8, 1.0 / 3.0, 5.0 / 6.0, true),
            new("Website outages", 4, 1.0 / 6.0, 1.0, false),
        ],
    };

    public static IEnumerable<ResponseRow> Responses()
    {
        for (var r = 0; r < Respondents.Length; r++)
        {
            for (var q = 0; q < Questions.Length; q++)
            {
                var level = LevelOf(r, q);
                yield return new ResponseRow(
                    Respondents[r].Id,
                    Respondents[r].Name,
                    Respondents[r].Group,
                    Questions[q].Dimension,
                    Questions[q].QuestionId,
                    Questions[q].Text,
                    level,
                    level is { } l ? ModelBuilder.StageNames[l - 1] : "Not applicable",
                    q == 0 ? $"Respondent comment {r + 1}: the vision is not written down" : null);
            }
        }
    }

    public static QuestionnaireWorkbookData Questionnaire(
        string? respondentId = "r-ada",
        string? respondentName = "Ada Lovelace",
        string roundId = "7",
        string roundName = "Spring 2025",
        string modelVersion = "1.0") =>
        new(
            "cx-maturity",
            modelVersion,
            "CX maturity",
            roundId,
            roundName,
            respondentId,
            respondentName,
            [
                .. Questions.GroupBy(q => (q.DimensionId, q.Dimension)).Select(g => new QuestionnaireDimension(
                    g.Key.DimensionId,
                    g.Key.Dimension,
                    [.. g.Select(q => new QuestionnaireQuestion(q.QuestionId, q.Text, Options(q.QuestionId), $"Think of the last twelve months ({q.QuestionId})."))])),
            ]);

    /// <summary>The five statements of a question: "&lt;id&gt;: level N statement".</summary>
    public static string[] Options(string questionId) =>
        [.. Enumerable.Range(1, 5).Select(level => $"{questionId}: level {level} statement")];

    public static QuestionnaireImportExpectation Expectation(
        string roundId = "7",
        string roundName = "Spring 2025",
        string modelVersion = "1.0") =>
        new(
            "cx-maturity",
            modelVersion,
            roundId,
            roundName,
            [.. Questionnaire().Dimensions.SelectMany(d => d.Questions)]);

    public static byte[] EngagementBytes(EngagementWorkbookData data, bool anonymise = false)
    {
        using var output = new MemoryStream();
        EngagementWorkbookWriter.Write(data, output, anonymise);
        return output.ToArray();
    }

    public static byte[] QuestionnaireBytes(QuestionnaireWorkbookData data)
    {
        using var output = new MemoryStream();
        QuestionnaireWorkbookWriter.Write(data, output, Key);
        return output.ToArray();
    }
}
