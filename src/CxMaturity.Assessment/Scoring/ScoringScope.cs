using CxMaturity.Assessment.Content;

namespace CxMaturity.Assessment.Scoring;

/// <summary>
/// The in-scope part of a model laid out as arrays for the scorer's inner loops: dimensions in model order, and
/// their questions one dimension after another, so that the questions of dimension d are the indices
/// <c>FirstQuestion[d]</c> up to (not including) <c>FirstQuestion[d + 1]</c>.
/// </summary>
internal sealed class ScoringScope
{
    private ScoringScope(Dimension[] dimensions, Question[] questions, int[] firstQuestion)
    {
        Dimensions = dimensions;
        Questions = questions;
        FirstQuestion = firstQuestion;
        QuestionIds = Array.ConvertAll(questions, q => q.Id);
        QuestionWeights = Array.ConvertAll(questions, q => q.Weight);
    }

    /// <summary>In-scope dimensions in model order.</summary>
    public Dimension[] Dimensions { get; }

    /// <summary>Questions of the in-scope dimensions, dimension by dimension in model order.</summary>
    public Question[] Questions { get; }

    /// <summary>Index into <see cref="Questions"/> of each dimension's first question, plus the total at the end.</summary>
    public int[] FirstQuestion { get; }

    /// <summary><see cref="Question.Id"/> of each question in <see cref="Questions"/>.</summary>
    public string[] QuestionIds { get; }

    /// <summary><see cref="Question.Weight"/> of each question in <see cref="Questions"/>.</summary>
    public double[] QuestionWeights { get; }

    public int DimensionCount => Dimensions.Length;

    public int QuestionCount => Questions.Length;

    /// <summary>Ids in <paramref name="dimensionsInScope"/> that the model does not have are ignored.</summary>
    public static ScoringScope Create(MaturityModel model, IReadOnlyCollection<string> dimensionsInScope)
    {
        var inScope = new HashSet<string>(dimensionsInScope, StringComparer.Ordinal);
        var dimensions = model.Dimensions
            .Where(d => inScope.Contains(d.Id))
            .OrderBy(d => d.Order)
            .ToArray();

        var firstQuestion = new int[dimensions.Length + 1];
        for (var d = 0; d < dimensions.Length; d++)
        {
            firstQuestion[d + 1] = firstQuestion[d] + dimensions[d].Questions.Count;
        }

        var questions = dimensions.SelectMany(d => d.Questions).ToArray();
        return new ScoringScope(dimensions, questions, firstQuestion);
    }
}
