using System.Net;
using CxMaturity.Assessment.Content;
using CxMaturity.Web.Features.Mail;

namespace CxMaturity.Web.Features.Invitations;

/// <summary>The invitation a respondent receives: who asks, what for, how long it takes, the link, and who sees the answers.</summary>
internal static class InvitationEmail
{
    public const string Kind = "invitation";

    public sealed record Facts(
        string RespondentName,
        string Email,
        string InvitedBy,
        string Organisation,
        string RoundName,
        int Questions,
        DateOnly? ClosesOn,
        bool Anonymous,
        string Link);

    public static OutgoingMessage Compose(Facts facts)
    {
        var minutes = AnsweringTime.Minutes(facts.Questions);
        var closes = facts.ClosesOn is { } date ? $"The round closes on {date:d MMMM yyyy}; please answer before then." : null;
        var privacy = facts.Anonymous
            ? "The round is anonymous: nobody, not even its organisers, sees your name beside your answers."
            : $"The owners and CX leads of {facts.Organisation} see your answers with your name; everyone else sees only figures.";
        var subject = $"{facts.InvitedBy} asks for your view of {facts.Organisation}'s customer experience";
        var text = string.Join("\n\n", new[]
        {
            $"Hello {facts.RespondentName},",
            $"{facts.InvitedBy} invites you to say how {facts.Organisation} looks after its customers today, as part of “{facts.RoundName}”. " +
                $"It takes about {minutes} minutes: {facts.Questions} questions. Each answer is saved as you choose it, so you can stop and come back through the same link.",
            $"Open your questionnaire:\n{facts.Link}",
            closes,
            privacy,
            "The link is personal: please do not forward it. If it stops working, ask for a new one.",
        }.Where(p => p is not null));

        string H(string value) => WebUtility.HtmlEncode(value);
        var html = $"""
            <!DOCTYPE html>
            <html><body style="font-family: sans-serif; line-height: 1.5; max-width: 36rem">
            <p>Hello {H(facts.RespondentName)},</p>
            <p><strong>{H(facts.InvitedBy)}</strong> invites you to say how <strong>{H(facts.Organisation)}</strong> looks after its customers today, as part of “{H(facts.RoundName)}”.
            It takes about {minutes} minutes: {facts.Questions} questions. Each answer is saved as you choose it, so you can stop and come back through the same link.</p>
            <p><a href="{H(facts.Link)}" style="display: inline-block; padding: .6rem 1rem; background: #1f4e8c; color: #fff; text-decoration: none; border-radius: 4px">Open your questionnaire</a></p>
            <p style="font-size: .9rem">Or copy this link: {H(facts.Link)}</p>
            {(closes is null ? "" : $"<p>{H(closes)}</p>")}
            <p>{H(privacy)}</p>
            <p style="color: #555; font-size: .9rem">The link is personal: please do not forward it. If it stops working, ask for a new one.</p>
            </body></html>
            """;
        return new OutgoingMessage(Kind, facts.Email, facts.RespondentName, subject, text, html);
    }
}
