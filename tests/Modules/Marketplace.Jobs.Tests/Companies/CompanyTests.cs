using Marketplace.BuildingBlocks.Domain;
using Marketplace.Jobs.Application.Companies;
using Marketplace.Jobs.Domain.Companies;
using Shouldly;
using Xunit;

namespace Marketplace.Jobs.Tests.Companies;

public sealed class CompanyTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 26, 12, 0, 0, TimeSpan.Zero);
    private static readonly Guid Founder = Guid.NewGuid();

    private static Company Found() => Company.Found(Guid.NewGuid(), "  Acme Backend Ltd ", Founder, Now).Value;

    [Fact]
    public void The_founder_is_the_only_member_and_an_admin()
    {
        var company = Found();
        company.Name.ShouldBe("Acme Backend Ltd");
        company.Members.ShouldHaveSingleItem().ShouldSatisfyAllConditions(
            m => m.UserId.ShouldBe(Founder),
            m => m.Role.ShouldBe(CompanyRole.Admin));
    }

    [Theory]
    [InlineData(null)]
    [InlineData("   ")]
    public void A_company_needs_a_name(string? name) =>
        Company.Found(Guid.NewGuid(), name, Founder, Now).FirstError.Field.ShouldBe("CompanyName");

    [Fact]
    public void An_invitation_lasts_seven_days_works_once_and_makes_a_member()
    {
        var company = Found();
        var invitation = company.Invite(Founder, "dev@example.com", InvitationTokens.Hash("t"), Now).Value;
        invitation.ExpiresAt.ShouldBe(Now.AddDays(7));

        var colleague = Guid.NewGuid();
        company.Accept(invitation.Id, colleague, Now.AddDays(6)).IsSuccess.ShouldBeTrue();
        company.MemberOf(colleague)!.Role.ShouldBe(CompanyRole.Member);
        company.Accept(invitation.Id, Guid.NewGuid(), Now.AddDays(6)).FirstError.Code.ShouldBe("invitation.used");
        company.Members.Count.ShouldBe(2);
    }

    [Fact]
    public void An_expired_invitation_is_refused()
    {
        var company = Found();
        var invitation = company.Invite(Founder, "dev@example.com", InvitationTokens.Hash("t"), Now).Value;
        company.Accept(invitation.Id, Guid.NewGuid(), Now.AddDays(7)).FirstError.Code.ShouldBe("invitation.expired");
        company.Members.ShouldHaveSingleItem();
    }

    [Fact]
    public void Only_an_admin_invites()
    {
        var company = Found();
        var member = Guid.NewGuid();
        company.Accept(company.Invite(Founder, "m@example.com", "h1", Now).Value.Id, member, Now).IsSuccess.ShouldBeTrue();

        company.Invite(member, "x@example.com", "h2", Now).FirstError.Kind.ShouldBe(ErrorKind.Forbidden);
        company.Invite(Guid.NewGuid(), "x@example.com", "h3", Now).FirstError.Kind.ShouldBe(ErrorKind.Forbidden);
    }

    [Fact]
    public void A_company_sends_at_most_twenty_invitations_a_day()
    {
        var company = Found();
        for (var i = 0; i < Company.MaxInvitationsPerDay; i++)
        {
            company.Invite(Founder, $"dev{i}@example.com", $"h{i}", Now.AddMinutes(i)).IsSuccess.ShouldBeTrue();
        }

        company.Invite(Founder, "one.more@example.com", "hx", Now.AddHours(1)).FirstError.Code.ShouldBe("invitation.limit");
        company.Invite(Founder, "tomorrow@example.com", "hy", Now.AddDays(1).AddMinutes(Company.MaxInvitationsPerDay)).IsSuccess.ShouldBeTrue();
    }

    [Fact]
    public void Invitation_tokens_are_random_and_only_their_hash_is_kept()
    {
        var token = InvitationTokens.New();
        token.Length.ShouldBeGreaterThanOrEqualTo(43);
        InvitationTokens.New().ShouldNotBe(token);
        InvitationTokens.Hash(token).ShouldNotContain(token);
        InvitationTokens.Hash(token).Length.ShouldBe(64);
    }
}
