using Bunit;
using CxMaturity.Web.Components.Shared;

namespace CxMaturity.Web.Tests.Components.Shared;

public sealed class ImportanceRatingTests : MudBunitContext
{
    [Fact]
    public void A_failed_rating_offers_retry_unless_the_refusal_locked_the_questionnaire()
    {
        var retries = 0;
        IRenderedComponent<ImportanceRating> Rating(bool readOnly) => Render<ImportanceRating>(p => p
            .Add(c => c.DimensionId, "voc")
            .Add(c => c.DimensionTitle, "Voice of the customer")
            .Add(c => c.Rating, 4)
            .Add(c => c.State, SaveState.Failed)
            .Add(c => c.Error, "The round is closed; answers can no longer be changed.")
            .Add(c => c.ReadOnly, readOnly)
            .Add(c => c.OnRetry, () => retries++));

        var open = Rating(readOnly: false);
        open.Find("[data-testid='importance-retry-voc']").Click();
        var locked = Rating(readOnly: true);

        Assert.Equal(1, retries);
        Assert.Contains("round is closed", locked.Find("[data-testid='importance-error-voc']").TextContent);
        Assert.Empty(locked.FindAll("[data-testid='importance-retry-voc']"));
    }
}
