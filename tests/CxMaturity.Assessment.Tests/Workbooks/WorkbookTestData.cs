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

    /// <summary>Ten NPS ratings: 5 promoters, 3 passives, 2 detractors — NPS 30, n 10, margin 48.41, a small sample.</summary>
    public static readonly int[] NpsRatings = [10, 9, 9, 10, 9, 7, 8, 8, 3, 6];

    public static readonly KpiMeasurementRow[] KpiMeasurements =
    [
        new("Net Promoter Score", new DateOnly(2025, 1, 31), 32.5, null, null, false, "Board pack", null),
        NpsFromRatings(),
        new("Customer effort", new DateOnly(2025, 3, 31), 5.25, null, null, false, null, null),
    ];

    /// <summary>
    /// NPS measured from <see cref="NpsRatings"/> after 32.5 typed in: 2.5 down within the margin (no significant
    /// change), below its target of 40, and overdue on 2025-04-02 (due a month after 2025-02-28). Customer effort was
    /// measured once; churn never.
    /// </summary>
    public static readonly KpiRow[] Kpis =
    [
        new("Net Promoter Score", "NPS", "points", "Higher is better", 40, "Advocacy", "Monthly", "Jane Doe", ["Voice of the customer"],
            KpiMeasurements[1], "Target not met", "No significant change", -2.5, new DateOnly(2025, 3, 28), true),
        new("Customer effort", "CES", null, "Higher is better", 5.5, null, "Quarterly", null, [],
            KpiMeasurements[2], "Target not met", "First measurement", null, new DateOnly(2025, 6, 30), false),
        new("Monthly churn", "Churn", "%", "Lower is better", null, "Retention", "Monthly", null, ["CX strategy and leadership", "Voice of the customer"],
            null, "No target", null, null, new DateOnly(2025, 4, 10), false),
    ];

    /// <summary>Process 5 + 3 + 2 = 10, Technology 6 + 2 = 8, People 2.</summary>
    public static readonly CustomerGapRow[] CustomerGapRegister =
    [
        new("Refund takes two weeks", "Complaints", "Process", 5),
        new("Parcel arrives late", "Contact centre", "Technology", 6),
        new("Rude agent on the phone", "Survey", "People", 2),
        new("Invoice shows the wrong address", "Complaints", "Process", 3),
        new("Wrong item delivered", null, "Technology", 2),
        new("Charged twice", "Complaints", "Process", 2),
    ];

    private static KpiMeasurementRow NpsFromRatings()
    {
        var computed = KpiFormulas.Compute(KpiKind.Nps, RatingCounts.Of(RatingScale.Nps, NpsRatings));
        return new("Net Promoter Score", new DateOnly(2025, 2, 28), computed.Value, computed.N, computed.MarginOfError, computed.SmallSample, "Web survey", "Ten answers at the till");
    }

    /// <summary>The register's Pareto by the domain's rule, as the web layer passes it.</summary>
    public static RootCauseRow[] RootCausesOf(IEnumerable<CustomerGapRow> register) =>
    [
        .. CustomerGaps.Pareto(register.Select(g => new CustomerGapScore(g.RootCause, g.Score)))
            .Select(p => new RootCauseRow(p.RootCause, p.Problems, p.Score, p.Share, p.CumulativeShare, p.VitalFew)),
    ];

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
        Kpis = Kpis,
        KpiMeasurements = KpiMeasurements,
        Projects =
        [
            new("Vision sprint", "In progress", "CX strategy and leadership", "Jane Doe", new DateOnly(2025, 4, 1), new DateOnly(2025, 6, 30), false,
                ["Net Promoter Score", "Customer effort"], "Write a one-page CX vision",
            [
                new MilestoneRow("Draft vision", new DateOnly(2025, 4, 30), true),
                new MilestoneRow("Board sign-off", new DateOnly(2025, 6, 15), false),
            ]),
            new("Feedback tooling", "Proposed", null, null, null, new DateOnly(2025, 3, 15), true, [], null, []),
        ],
        CustomerGaps = CustomerGapRegister,
        RootCauses = RootCausesOf(CustomerGapRegister),
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
