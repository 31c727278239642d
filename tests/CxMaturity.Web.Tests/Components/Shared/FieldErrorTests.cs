using Bunit;
using CxMaturity.Web.Components.Shared;

namespace CxMaturity.Web.Tests.Components.Shared;

public sealed class FieldErrorTests : MudBunitContext
{
    private static readonly Dictionary<string, string[]> NameRequired = new() { ["name"] = ["Give the respondent's name, 1 to 100 characters."] };

    [Fact]
    public void Shows_the_message_beside_the_value_that_was_refused()
    {
        var error = Render<FieldError>(p => p.Add(c => c.Errors, NameRequired).Add(c => c.Field, "name").Add(c => c.Value, ""));

        Assert.Equal("Give the respondent's name, 1 to 100 characters.", error.Find("[data-testid='error-name']").TextContent);
    }

    [Fact]
    public void The_message_goes_once_the_field_is_changed_and_comes_back_with_the_next_refusal()
    {
        var error = Render<FieldError>(p => p.Add(c => c.Errors, NameRequired).Add(c => c.Field, "name").Add(c => c.Value, ""));

        error.Render(p => p.Add(c => c.Value, "Ada Lovelace"));
        Assert.Empty(error.FindAll("[data-testid='error-name']"));

        var refusedAgain = new Dictionary<string, string[]>(NameRequired);
        error.Render(p => p.Add(c => c.Errors, refusedAgain).Add(c => c.Value, "Ada Lovelace"));
        Assert.NotEmpty(error.FindAll("[data-testid='error-name']"));
    }
}
