using Bunit;
using CxMaturity.Web.Components.Pages.Raci;
using CxMaturity.Web.Features.Raci;
using CxMaturity.Web.Tests.Components;

namespace CxMaturity.Web.Tests.Components.Pages.Raci;

public sealed class RaciGridTests : MudBunitContext
{
    private static readonly IReadOnlyList<RoleView> Roles =
    [
        new(1, "Executive sponsor", null, null, null, "", Guid.Empty),
        new(2, "CX lead", null, null, null, "", Guid.Empty),
    ];

    [Fact]
    public void The_rule_is_explained_on_the_row_as_letters_change_and_saving_waits_for_every_row_to_keep_it()
    {
        RaciRequest? saved = null;
        var rows = new List<RaciRowView> { new("project:1", "Project", "Fix refunds", "projects/1", new Dictionary<int, RaciLetter>(), []) };
        var grid = Render<RaciGrid>(p => p
            .Add(c => c.Roles, Roles).Add(c => c.Rows, rows).Add(c => c.Editable, true)
            .Add(c => c.OnSave, (RaciRequest r) => saved = r));

        grid.Find("[data-testid='raci-cell-project:1-1']").Change("A");
        Assert.Equal(["No role is responsible (R): at least one must be."], grid.FindAll("[data-testid='raci-problem']").Select(p => p.TextContent));
        Assert.True(grid.Find("[data-testid='save-raci']").HasAttribute("disabled"));

        grid.Find("[data-testid='raci-cell-project:1-2']").Change("A");
        Assert.Equal(
            ["2 roles are accountable (A: Executive sponsor, CX lead): exactly one must be.", "No role is responsible (R): at least one must be."],
            grid.FindAll("[data-testid='raci-problem']").Select(p => p.TextContent));

        grid.Find("[data-testid='raci-cell-project:1-2']").Change("R");
        Assert.Empty(grid.FindAll("[data-testid='raci-problem']"));
        grid.Find("[data-testid='save-raci']").Click();

        var row = Assert.Single(saved!.Rows);
        Assert.Equal(("project:1", RaciLetter.A, RaciLetter.R), (row.Key, row.Cells[1], row.Cells[2]));
    }

    [Fact]
    public void Letters_not_yet_saved_survive_the_rows_being_read_again()
    {
        var rows = new List<RaciRowView> { new("project:1", "Project", "Fix refunds", null, new Dictionary<int, RaciLetter>(), []) };
        var grid = Render<RaciGrid>(p => p.Add(c => c.Roles, Roles).Add(c => c.Rows, rows).Add(c => c.Editable, true));
        grid.Find("[data-testid='raci-cell-project:1-1']").Change("A");

        // A role added elsewhere on the page makes the parent read the rows again.
        grid.Render(p => p.Add(c => c.Rows, [new("project:1", "Project", "Fix refunds", null, new Dictionary<int, RaciLetter>(), [])]));

        Assert.Equal("A", grid.Find("[data-testid='raci-cell-project:1-1']").GetAttribute("value"));
        Assert.Equal(["No role is responsible (R): at least one must be."], grid.FindAll("[data-testid='raci-problem']").Select(p => p.TextContent));
    }

    [Fact]
    public void A_reader_sees_the_letters_without_selects()
    {
        var rows = new List<RaciRowView> { new("project:1", "Project", "Fix refunds", null, new Dictionary<int, RaciLetter> { [1] = RaciLetter.A, [2] = RaciLetter.R }, []) };

        var grid = Render<RaciGrid>(p => p.Add(c => c.Roles, Roles).Add(c => c.Rows, rows));

        Assert.Empty(grid.FindAll("select"));
        Assert.Equal("A", grid.Find("[data-testid='raci-cell-project:1-1']").TextContent);
        Assert.Empty(grid.FindAll("[data-testid='save-raci']"));
    }
}
