namespace CxMaturity.Assessment.Content;

/// <summary>
/// One thing wrong with the content: the file (relative to the model folder, or to the content root for a
/// problem with the folder itself), the 1-based line it concerns (1 when it concerns the whole file) and a
/// sentence a content author understands.
/// </summary>
public sealed record ContentProblem(string File, int Line, string Message)
{
    /// <summary>The problem as <c>file:line: message</c>, e.g. <c>dimensions/03-voc.md:41: question 'voc.loops' has no option for level 4</c>.</summary>
    public override string ToString() => $"{File}:{Line}: {Message}";
}
