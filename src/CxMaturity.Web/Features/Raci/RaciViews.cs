namespace CxMaturity.Web.Features.Raci;

/// <summary>A governance role as created or edited: held by a member (<paramref name="HolderUserId"/>) or a named person.</summary>
public sealed record RoleRequest(string Name, string? HolderUserId = null, string? HolderName = null, string? Responsibilities = null);

/// <summary>A governance role; <paramref name="Holder"/> is the member's name or the person named.</summary>
public sealed record RoleView(int Id, string Name, string? HolderUserId, string? HolderName, string? Holder, string Responsibilities, Guid Version);

/// <summary>The RACI matrix as saved: every row's letters by role id; a row left out has no letters.</summary>
public sealed record RaciRequest(IReadOnlyList<RaciRowRequest> Rows);

/// <summary>One row's letters, by role id.</summary>
public sealed record RaciRowRequest(string Key, IReadOnlyDictionary<int, RaciLetter> Cells);

/// <summary>
/// One row of the matrix: a project (<c>project:12</c>) or an accepted roadmap item not yet a project
/// (<c>item:7:initiative-id</c>), its letters by role id, and what breaks the rule in it (docs/RULES.md §8.1).
/// </summary>
public sealed record RaciRowView(string Key, string Kind, string Title, string? Link, IReadOnlyDictionary<int, RaciLetter> Cells, IReadOnlyList<string> Problems);

/// <summary>The organisation's roles and RACI matrix; <paramref name="Version"/> goes in If-Match to save the matrix.</summary>
public sealed record RaciView(
    int OrganisationId,
    string OrganisationName,
    OrganisationRole YourRole,
    Guid Version,
    IReadOnlyList<RoleView> Roles,
    IReadOnlyList<RaciRowView> Rows,
    IReadOnlyList<RaciMemberChoice> Members);

/// <summary>A member who may hold a role.</summary>
public sealed record RaciMemberChoice(string UserId, string Name);
