namespace CxMaturity.Assessment.Content;

/// <summary>
/// Thrown when content that must be valid (the models loaded at start) is not. The message lists every problem,
/// one per line.
/// </summary>
public sealed class ContentException : Exception
{
    /// <summary>Creates the exception with a headline and the problems it lists under it.</summary>
    public ContentException(string headline, IReadOnlyList<ContentProblem> problems)
        : base(headline + Environment.NewLine + string.Join(Environment.NewLine, problems))
    {
        Problems = problems;
    }

    /// <summary>Every problem found, in file and line order.</summary>
    public IReadOnlyList<ContentProblem> Problems { get; }
}
