namespace CxMaturity.Web.Components.Shared;

/// <summary>
/// Not rendered on its own: the question card and the importance rating inherit its save indicator and its rule
/// for rendering again. Every answer renders the questionnaire page for its progress bars; a control whose
/// <see cref="Shown"/> value has not changed sits that render out, so an answer renders only its own card.
/// </summary>
public abstract partial class SaveStateComponent
{
    private object? _rendered;

    /// <summary>
    /// Everything the control shows, as one value with value equality. Callbacks are left out: the page passes new
    /// delegates on every render that do the same thing.
    /// </summary>
    protected abstract object Shown { get; }

    protected override bool ShouldRender()
    {
        var shown = Shown;
        if (Equals(shown, _rendered))
        {
            return false;
        }

        _rendered = shown;
        return true;
    }

    protected override void OnAfterRender(bool firstRender)
    {
        if (firstRender)
        {
            _rendered = Shown;
        }
    }
}
