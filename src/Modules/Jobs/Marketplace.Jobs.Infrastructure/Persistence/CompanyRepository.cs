using Marketplace.Jobs.Application.Companies;
using Marketplace.Jobs.Domain.Companies;
using Microsoft.EntityFrameworkCore;

namespace Marketplace.Jobs.Infrastructure.Persistence;

internal sealed class CompanyRepository(JobsDbContext context) : ICompanyRepository
{
    public void Add(Company company) => context.Companies.Add(company);

    public Task<Company?> GetAsync(Guid id, CancellationToken cancellationToken) =>
        context.Companies.SingleOrDefaultAsync(c => c.Id == id, cancellationToken);

    public Task<Company?> FindByMemberAsync(Guid userId, CancellationToken cancellationToken) =>
        context.Companies.SingleOrDefaultAsync(c => c.Members.Any(m => m.UserId == userId), cancellationToken);

    public Task<Company?> FindByInvitationAsync(Guid invitationId, CancellationToken cancellationToken) =>
        context.Companies.SingleOrDefaultAsync(c => c.Invitations.Any(i => i.Id == invitationId), cancellationToken);

    public Task<Company?> FindByInvitationTokenHashAsync(string tokenHash, CancellationToken cancellationToken) =>
        context.Companies.AsNoTracking().SingleOrDefaultAsync(c => c.Invitations.Any(i => i.TokenHash == tokenHash), cancellationToken);

    public async Task<int> ForgetUserAsync(Guid userId, CancellationToken cancellationToken)
    {
        var members = await context.Set<CompanyMember>().Where(m => m.UserId == userId).ExecuteDeleteAsync(cancellationToken);
        var invitedBy = await context.Set<CompanyInvitation>().Where(i => i.InvitedBy == userId)
            .ExecuteUpdateAsync(i => i.SetProperty(x => x.InvitedBy, (Guid?)null), cancellationToken);
        var acceptedBy = await context.Set<CompanyInvitation>().Where(i => i.AcceptedBy == userId)
            .ExecuteUpdateAsync(i => i.SetProperty(x => x.AcceptedBy, (Guid?)null), cancellationToken);
        return members + invitedBy + acceptedBy;
    }
}
