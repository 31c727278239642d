namespace CxMaturity.Web.Features.Administration;

/// <summary>One page of the users the search found, ordered by email.</summary>
/// <param name="Search">The search as applied (trimmed); empty for everyone.</param>
/// <param name="Page">The page shown, from 1; past the last page the last is shown.</param>
/// <param name="PageCount">How many pages the users found fill; at least 1.</param>
/// <param name="Total">How many users the search found.</param>
public sealed record UserListView(string Search, int Page, int PageCount, int Total, IReadOnlyList<UserRowView> Users);

/// <summary>A user as site administrators see them.</summary>
/// <param name="IsLockedOut">Sign-in is refused now: an administrator locked the account, or too many wrong passwords.</param>
/// <param name="LockedOutUntilUtc">When a lockout ends by itself; null while locked until an administrator unlocks.</param>
/// <param name="Organisations">The organisations the user belongs to, by name, with their role there.</param>
public sealed record UserRowView(
    string Id,
    string Email,
    string DisplayName,
    bool IsLockedOut,
    DateTime? LockedOutUntilUtc,
    bool IsAdministrator,
    IReadOnlyList<UserMembershipView> Organisations);

/// <summary>A user's membership: the organisation's name and their role in it.</summary>
public sealed record UserMembershipView(string OrganisationName, OrganisationRole Role);

/// <summary>A password reset link for an administrator to hand to the user; it works once, until <paramref name="ValidUntilUtc"/>.</summary>
public sealed record PasswordResetLinkView(string Email, string Link, DateTime ValidUntilUtc);
