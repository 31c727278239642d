using CxMaturity.Assessment.Analysis;

namespace CxMaturity.Web.Features.Dashboard;

/// <summary>
/// A round on an organisation's trend, as the dashboard and <c>GET /api/v1/organisations/{id}/trend</c> show it:
/// <paramref name="Overall"/> and <paramref name="Dimensions"/> are null and empty until someone's answers count.
/// <paramref name="OnTrendLine"/> says whether the trend line takes it (the latest model's rounds with a score), and
/// <paramref name="ModelVersionChanged"/> marks the first of them on a new model version.
/// </summary>
public sealed record TrendRoundView(
    int RoundId,
    string Name,
    RoundStatus Status,
    DateTime? ClosedUtc,
    string ModelId,
    string ModelVersion,
    double? Overall,
    IReadOnlyDictionary<string, double> Dimensions,
    bool OnTrendLine,
    bool ModelVersionChanged);

/// <summary>An organisation's rounds in date order, with the dimension titles of the model its trend line follows.</summary>
public sealed record TrendView(
    int OrganisationId,
    string? ModelId,
    IReadOnlyList<TrendRoundView> Rounds,
    IReadOnlyList<DimensionTitleView> Dimensions);

/// <summary>A dimension's id and title, for headings.</summary>
public sealed record DimensionTitleView(string Id, string Title);

/// <summary>The consultant's portfolio: organisations side by side on their latest closed round.</summary>
public sealed record PortfolioView(
    IReadOnlyList<PortfolioRowView> Organisations,
    IReadOnlyList<DimensionTitleView> SharedDimensions,
    bool SameModel,
    IReadOnlyList<PortfolioPendingView> WithoutClosedRound);

/// <summary>One organisation of the portfolio: its latest closed round's figures, percentile and trend.</summary>
public sealed record PortfolioRowView(
    int OrganisationId,
    string Name,
    int RoundId,
    string RoundName,
    string ModelId,
    double? Overall,
    int? OverallStage,
    int? FoundationStage,
    IReadOnlyDictionary<string, double> Dimensions,
    double? Compared,
    double? Percentile,
    TrendDirection Trend);

/// <summary>An organisation of the portfolio with no closed round yet.</summary>
public sealed record PortfolioPendingView(int OrganisationId, string Name, int Rounds);
