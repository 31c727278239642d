namespace CxMaturity.Assessment.Content;

/// <summary>Collects problems while content is read, so that every one is reported, not just the first.</summary>
internal sealed class ProblemLog
{
    private readonly List<ContentProblem> _problems = [];

    public int Count => _problems.Count;

    public void Add(string file, int line, string message) => _problems.Add(new ContentProblem(file, line, message));

    /// <summary>The problems file by file (in the order the files were read), each file's by line.</summary>
    public IReadOnlyList<ContentProblem> InFileOrder() =>
        _problems.GroupBy(p => p.File).SelectMany(file => file.OrderBy(p => p.Line)).ToArray();
}
