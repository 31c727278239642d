using CxMaturity.Assessment.Content;
using CxMaturity.Web.Features.Questionnaires;

namespace CxMaturity.Web.Features.Demo;

/// <summary>
/// Plausible answers for the demo: strategy and voice of the customer fairly mature, data and value weak,
/// executives rating strategy and culture well above the front line (a perception gap), some Not applicable and
/// a few comments. Driven by a seeded <see cref="Random"/>, so every demo looks the same.
/// </summary>
internal static class DemoAnswers
{
    /// <param name="shift">Added to every answer's mean: an earlier, weaker round is shifted down.</param>
    /// <param name="disagreeOn">A dimension on which each respondent is either quite negative or quite positive (low consensus).</param>
    public static List<AnswerInput> For(MaturityModel model, string group, Random random, int dimensions, double shift = 0, string? disagreeOn = null)
    {
        var bias = random.NextDouble() * 0.6 - 0.3 + shift;
        var answers = new List<AnswerInput>();
        foreach (var dimension in model.Dimensions.Take(dimensions))
        {
            var mean = dimension.Id == disagreeOn
                ? (random.NextDouble() < 0.5 ? 1.5 : 4.5)
                : Typical(dimension.Id) + GroupOffset(group, dimension.Id) + bias;
            foreach (var question in dimension.Questions)
            {
                int? level = random.NextDouble() < 0.04
                    ? null
                    : Math.Clamp((int)Math.Round(mean + (random.NextDouble() - 0.5) * 1.4), 1, 5);
                var comment = random.NextDouble() < 0.03 ? Comment(dimension.Id, random) : null;
                answers.Add(new AnswerInput(question.Id, level, comment));
            }
        }

        return answers;
    }

    public static Dictionary<string, int?> Importance(MaturityModel model, Random random) =>
        model.Dimensions.ToDictionary(
            d => d.Id,
            d => (int?)(d.Id is "strategy" or "voc" or "data" ? random.Next(4, 6)
                : d.Id is "value" or "measurement" ? random.Next(3, 6)
                : random.Next(2, 5)));

    private static double Typical(string dimensionId) => dimensionId switch
    {
        "strategy" => 3.2,
        "voc" => 3.0,
        "understanding" => 2.7,
        "culture" => 2.6,
        "measurement" => 2.5,
        "governance" => 2.4,
        "journeys" => 2.3,
        "value" => 1.9,
        "data" => 1.8,
        _ => 2.5,
    };

    private static double GroupOffset(string group, string dimensionId) => group switch
    {
        "Executive" => dimensionId is "strategy" or "culture" ? 0.9 : 0.3,
        "Management" => 0.1,
        "Frontline" => dimensionId is "strategy" or "culture" ? -0.6 : -0.2,
        _ => -0.1,
    };

    private static string Comment(string dimensionId, Random random)
    {
        string[] comments = dimensionId switch
        {
            "strategy" => ["The vision is on the intranet, but I have never heard it mentioned in a team meeting.",
                "The board discussed NPS twice this year, both times after the delivery problems."],
            "voc" => ["We collect a lot of survey feedback; closing the loop with the customer is the weak part.",
                "Complaints are logged in two systems that do not talk to each other."],
            "data" => ["Store and web customers are still separate records; nobody has the full picture.",
                "Loyalty data sits with the marketing agency, not with us."],
            "value" => ["We cannot say what a point of NPS is worth in revenue.",
                "Churn is reported by finance once a year, too late to act on."],
            "culture" => ["Frontline staff need a manager's approval for any refund above 20 euros."],
            _ => ["Practice differs a lot between regions.", "Improving, but it depends on a few enthusiastic people."],
        };
        return comments[random.Next(comments.Length)];
    }
}
