namespace CxMaturity.Web.Features.Questionnaires;

/// <summary>
/// Who a questionnaire belongs to, as the caller names it: a member of the organisation (or an Owner or CX lead
/// entering answers for someone), or an invitee holding the secret of an invitation link.
/// </summary>
public abstract record RespondentRef
{
    private RespondentRef()
    {
    }

    /// <summary>The respondent <paramref name="RespondentId"/> of the round, reached by the signed-in user <paramref name="UserId"/>.</summary>
    public static RespondentRef Member(string userId, int roundId, int respondentId) => new ByMember(userId, roundId, respondentId);

    /// <summary>The respondent an invitation link's <paramref name="secret"/> opens.</summary>
    public static RespondentRef Invitation(string secret) => new ByInvitation(secret);

    internal sealed record ByMember(string UserId, int RoundId, int RespondentId) : RespondentRef;

    internal sealed record ByInvitation(string Secret) : RespondentRef
    {
        // The secret is a credential: records print their members, this one must not.
        public override string ToString() => "invitation link";
    }
}
