using Marketplace.BuildingBlocks.Application;
using Marketplace.BuildingBlocks.Domain;
using Mediator;

namespace Marketplace.Jobs.Application.Companies.Get;

public sealed record CompanyMemberDto(Guid UserId, string Role, DateTimeOffset JoinedAt);

public sealed record CompanyInvitationDto(Guid Id, string Email, DateTimeOffset ExpiresAt, bool Used);

public sealed record MyCompanyDto(
    Guid Id,
    string Name,
    string MyRole,
    IReadOnlyList<CompanyMemberDto> Members,
    IReadOnlyList<CompanyInvitationDto> Invitations);

/// <summary>The current user's company; invitations are shown to its admins only.</summary>
public sealed record GetMyCompany : IQuery<Result<MyCompanyDto>>;

public sealed class GetMyCompanyHandler(ICompanyRepository companies, ICurrentUser currentUser) : IQueryHandler<GetMyCompany, Result<MyCompanyDto>>
{
    public async ValueTask<Result<MyCompanyDto>> Handle(GetMyCompany query, CancellationToken cancellationToken)
    {
        var company = currentUser.UserId is { } userId ? await companies.FindByMemberAsync(userId, cancellationToken) : null;
        var me = company?.MemberOf(currentUser.UserId);
        if (company is null || me is null)
        {
            return Error.NotFound("company", "of the current user");
        }

        var isAdmin = me.Role == Domain.Companies.CompanyRole.Admin;
        return new MyCompanyDto(
            company.Id,
            company.Name,
            me.Role.ToString(),
            [.. company.Members.Select(m => new CompanyMemberDto(m.UserId, m.Role.ToString(), m.JoinedAt))],
            isAdmin ? [.. company.Invitations.OrderByDescending(i => i.CreatedAt).Select(i => new CompanyInvitationDto(i.Id, i.Email, i.ExpiresAt, i.IsUsed))] : []);
    }
}
