namespace CxMaturity.Web.Components.Shared;

/// <summary>Not rendered on its own: the question card and the importance rating inherit its save indicator.</summary>
public abstract partial class SaveStateComponent;
