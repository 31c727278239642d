using CxMaturity.Web.Data;
using CxMaturity.Web.Features.Access;
using CxMaturity.Web.Features.Common;
using CxMaturity.Web.Features.Organisations;
using CxMaturity.Web.Features.Questionnaires;
using CxMaturity.Web.Features.Roadmap;
using CxMaturity.Web.Tests.Infrastructure;

namespace CxMaturity.Web.Tests.Features.Organisations;

/// <summary>An Owner gives members other roles and removes them; the organisation always keeps an Owner.</summary>
public sealed class MemberTests(CxWebApplicationFactory factory) : IClassFixture<CxWebApplicationFactory>
{
    [Fact]
    public async Task An_owner_gives_a_viewer_the_CX_lead_role_and_their_access_follows_at_once()
    {
        var organisation = await factory.CreateOrganisationWithRoundAsync();
        var member = await factory.CreateMemberAsync(organisation.OrganisationId, OrganisationRole.Viewer);
        var dimension = organisation.Round.DimensionsInScope[0];

        var changed = await factory.Organisations.ChangeMemberRoleAsync(
            organisation.Owner.Id, organisation.OrganisationId, member.Id, OrganisationRole.CxLead);
        await factory.Roadmaps.SetTargetsAsync(member.Id, organisation.Round.Id, new Dictionary<string, int> { [dimension] = 4 });

        Assert.Equal(new MemberView(member.Id, member.Email, changed.DisplayName, OrganisationRole.CxLead), changed);
        Assert.Equal(OrganisationRole.CxLead, await RoleOfAsync(member.Id, organisation.OrganisationId));
        var round = await factory.Rounds.GetRoundAsync(member.Id, organisation.Round.Id);
        Assert.Equal(4, round.Targets.Single(t => t.DimensionId == dimension).ExplicitStage);
    }

    [Fact]
    public async Task Only_an_owner_changes_or_removes_members_and_an_outsider_learns_nothing()
    {
        var organisation = await factory.CreateOrganisationWithRoundAsync();
        var cxLead = await factory.CreateMemberAsync(organisation.OrganisationId, OrganisationRole.CxLead);
        var viewer = await factory.CreateMemberAsync(organisation.OrganisationId, OrganisationRole.Viewer);
        var outsider = await factory.CreateUserAsync();
        await factory.CreateOrganisationAsync(outsider.Id); // an Owner, but of another organisation

        await Assert.ThrowsAsync<ForbiddenException>(() => factory.Organisations.ChangeMemberRoleAsync(
            cxLead.Id, organisation.OrganisationId, viewer.Id, OrganisationRole.Owner));
        await Assert.ThrowsAsync<ForbiddenException>(() => factory.Organisations.RemoveMemberAsync(
            cxLead.Id, organisation.OrganisationId, viewer.Id));
        await Assert.ThrowsAsync<ForbiddenException>(() => factory.Organisations.ChangeMemberRoleAsync(
            viewer.Id, organisation.OrganisationId, viewer.Id, OrganisationRole.Owner));
        await Assert.ThrowsAsync<NotFoundException>(() => factory.Organisations.ChangeMemberRoleAsync(
            outsider.Id, organisation.OrganisationId, viewer.Id, OrganisationRole.Owner));
        await Assert.ThrowsAsync<NotFoundException>(() => factory.Organisations.RemoveMemberAsync(
            outsider.Id, organisation.OrganisationId, organisation.Owner.Id));

        Assert.Equal(OrganisationRole.Viewer, await RoleOfAsync(viewer.Id, organisation.OrganisationId));
        Assert.Equal(OrganisationRole.Owner, await RoleOfAsync(organisation.Owner.Id, organisation.OrganisationId));
        Assert.Null(await RoleOfAsync(outsider.Id, organisation.OrganisationId));
    }

    [Fact]
    public async Task The_only_owner_can_neither_step_down_nor_be_removed_until_there_is_another()
    {
        var organisation = await factory.CreateOrganisationWithRoundAsync();
        var owner = organisation.Owner;
        var successor = await factory.CreateMemberAsync(organisation.OrganisationId, OrganisationRole.CxLead);

        var stepDown = await Assert.ThrowsAsync<ConflictException>(() => factory.Organisations.ChangeMemberRoleAsync(
            owner.Id, organisation.OrganisationId, owner.Id, OrganisationRole.CxLead));
        var leave = await Assert.ThrowsAsync<ConflictException>(() => factory.Organisations.RemoveMemberAsync(
            owner.Id, organisation.OrganisationId, owner.Id));
        Assert.Equal(
            $"{owner.Email} is the only Owner of this organisation and cannot be given another role. Make another member Owner first.",
            stepDown.Message);
        Assert.Contains("cannot be removed", leave.Message);
        Assert.Equal(OrganisationRole.Owner, await RoleOfAsync(owner.Id, organisation.OrganisationId));

        // With a second Owner the first may step down; then the second is the only one left.
        await factory.Organisations.ChangeMemberRoleAsync(owner.Id, organisation.OrganisationId, successor.Id, OrganisationRole.Owner);
        await factory.Organisations.ChangeMemberRoleAsync(owner.Id, organisation.OrganisationId, owner.Id, OrganisationRole.CxLead);

        await Assert.ThrowsAsync<ConflictException>(() => factory.Organisations.RemoveMemberAsync(
            successor.Id, organisation.OrganisationId, successor.Id));
        await Assert.ThrowsAsync<ForbiddenException>(() => factory.Organisations.ChangeMemberRoleAsync(
            owner.Id, organisation.OrganisationId, owner.Id, OrganisationRole.Owner)); // a CX lead now
        Assert.Equal(OrganisationRole.CxLead, await RoleOfAsync(owner.Id, organisation.OrganisationId));
        Assert.Equal(OrganisationRole.Owner, await RoleOfAsync(successor.Id, organisation.OrganisationId));
    }

    [Fact]
    public async Task Demoting_an_owner_keeps_the_organisation_with_at_least_one_owner_when_two_owners_step_down_at_once()
    {
        var organisation = await factory.CreateOrganisationWithRoundAsync();
        var second = await factory.CreateMemberAsync(organisation.OrganisationId, OrganisationRole.Owner);

        var outcomes = await Task.WhenAll(
            Attempt(() => factory.Organisations.ChangeMemberRoleAsync(
                organisation.Owner.Id, organisation.OrganisationId, organisation.Owner.Id, OrganisationRole.Viewer)),
            Attempt(() => factory.Organisations.ChangeMemberRoleAsync(
                second.Id, organisation.OrganisationId, second.Id, OrganisationRole.Viewer)));

        Assert.Equal(1, outcomes.Count(o => o is null));
        Assert.Single(outcomes, o => o is ConflictException);
        var owners = await factory.WithDbAsync(db => Task.FromResult(
            db.Memberships.Count(m => m.OrganisationId == organisation.OrganisationId && m.Role == OrganisationRole.Owner)));
        Assert.Equal(1, owners);
    }

    [Fact]
    public async Task A_removed_member_loses_access_and_what_they_answered_stays_in_the_round()
    {
        var organisation = await factory.CreateOrganisationWithRoundAsync();
        var member = await factory.CreateMemberAsync(organisation.OrganisationId, OrganisationRole.Respondent);
        var respondent = await factory.AddRespondentAsync(organisation.Owner.Id, organisation.Round.Id, email: member.Email);
        var answers = factory.Model.Dimensions.SelectMany(d => d.Questions).Select(q => new AnswerInput(q.Id, 4)).ToList();
        await factory.Questionnaires.SaveAsync(RespondentRef.Member(member.Id, organisation.Round.Id, respondent.Respondent.Id), new SaveAnswersRequest(answers, Submit: true));

        await factory.Organisations.RemoveMemberAsync(organisation.Owner.Id, organisation.OrganisationId, member.Id);

        Assert.Null(await RoleOfAsync(member.Id, organisation.OrganisationId));
        await Assert.ThrowsAsync<NotFoundException>(() => factory.Organisations.GetAsync(member.Id, organisation.OrganisationId));
        await Assert.ThrowsAsync<NotFoundException>(() => factory.Questionnaires.GetAsync(RespondentRef.Member(member.Id, organisation.Round.Id, respondent.Respondent.Id)));
        Assert.DoesNotContain(await factory.Organisations.ListForUserAsync(member.Id), o => o.Id == organisation.OrganisationId);
        var results = await factory.Results.GetResultsAsync(organisation.Owner.Id, organisation.Round.Id);
        Assert.Equal(1, results.Result.RespondentsCounted);
        Assert.Equal(4.0, results.Result.Overall);
        var view = await factory.Organisations.GetAsync(organisation.Owner.Id, organisation.OrganisationId);
        Assert.DoesNotContain(view.Members!, m => m.UserId == member.Id);
    }

    [Fact]
    public async Task Changing_someone_who_is_not_a_member_or_to_no_role_at_all_is_refused()
    {
        var organisation = await factory.CreateOrganisationWithRoundAsync();
        var stranger = await factory.CreateUserAsync();
        var viewer = await factory.CreateMemberAsync(organisation.OrganisationId, OrganisationRole.Viewer);

        var notMember = await Assert.ThrowsAsync<NotFoundException>(() => factory.Organisations.ChangeMemberRoleAsync(
            organisation.Owner.Id, organisation.OrganisationId, stranger.Id, OrganisationRole.Viewer));
        await Assert.ThrowsAsync<NotFoundException>(() => factory.Organisations.RemoveMemberAsync(
            organisation.Owner.Id, organisation.OrganisationId, stranger.Id));
        var noRole = await Assert.ThrowsAsync<ValidationException>(() => factory.Organisations.ChangeMemberRoleAsync(
            organisation.Owner.Id, organisation.OrganisationId, viewer.Id, (OrganisationRole)42));

        Assert.Equal("That person is not a member of this organisation.", notMember.Message);
        Assert.Equal(["role"], noRole.Errors.Keys);
        Assert.Null(await RoleOfAsync(stranger.Id, organisation.OrganisationId));
        Assert.Equal(OrganisationRole.Viewer, await RoleOfAsync(viewer.Id, organisation.OrganisationId));
    }

    private Task<OrganisationRole?> RoleOfAsync(string userId, int organisationId) =>
        factory.GetService<OrganisationAccess>().FindRoleAsync(userId, organisationId);

    private static async Task<Exception?> Attempt(Func<Task> action)
    {
        try
        {
            await action();
            return null;
        }
        catch (Exception e)
        {
            return e;
        }
    }
}
