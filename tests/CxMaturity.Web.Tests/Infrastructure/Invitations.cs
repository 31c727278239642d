using CxMaturity.Web.Features.Respondents;

namespace CxMaturity.Web.Tests.Infrastructure;

/// <summary>Invitation links as the app hands them out when a respondent is added or an invitation reissued.</summary>
internal static class Invitations
{
    /// <summary>The secret of the invitation link, after checking the link is an invitation path.</summary>
    public static string SecretOf(RespondentCreatedView created)
    {
        Assert.StartsWith("/invitations/", created.InvitationPath);
        return created.InvitationPath["/invitations/".Length..];
    }
}
