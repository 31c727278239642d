namespace CxMaturity.Assessment.Content;

/// <summary>
/// What loading content produced: the valid models, and every problem found. A model with any problem is not
/// in <see cref="Models"/>.
/// </summary>
public sealed record ContentLoadResult(IReadOnlyList<MaturityModel> Models, IReadOnlyList<ContentProblem> Problems)
{
    /// <summary>True when no problem was found.</summary>
    public bool IsValid => Problems.Count == 0;
}
