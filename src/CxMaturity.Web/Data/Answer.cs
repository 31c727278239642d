namespace CxMaturity.Web.Data;

/// <summary>A respondent's answer to one question. A row means answered; <see cref="Level"/> null means NotApplicable.</summary>
public sealed class Answer
{
    public int Id { get; set; }

    public int RespondentId { get; set; }

    public string QuestionId { get; set; } = "";

    public int? Level { get; set; }

    public string? Comment { get; set; }

    public string? Evidence { get; set; }

    public DateTime UpdatedUtc { get; set; }
}
