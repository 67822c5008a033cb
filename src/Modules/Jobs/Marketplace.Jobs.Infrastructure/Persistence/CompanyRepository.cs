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

    public Task<CompanyName?> FindNameByMemberAsync(Guid userId, CancellationToken cancellationToken) =>
        context.Companies.AsNoTracking().Where(c => c.Members.Any(m => m.UserId == userId))
            .Select(c => new CompanyName(c.Id, c.Name)).SingleOrDefaultAsync(cancellationToken);

    public Task<Company?> FindByInvitationAsync(Guid invitationId, CancellationToken cancellationToken) =>
        context.Companies.SingleOrDefaultAsync(c => c.Invitations.Any(i => i.Id == invitationId), cancellationToken);

    public Task<Company?> FindByInvitationTokenHashAsync(string tokenHash, CancellationToken cancellationToken) =>
        context.Companies.AsNoTracking().SingleOrDefaultAsync(c => c.Invitations.Any(i => i.TokenHash == tokenHash), cancellationToken);

    public Task<int> ForgetUserAsync(Guid userId, CancellationToken cancellationToken) =>
        // Owned types have no DbSet of their own to run a bulk statement on; the schema is a constant, the id a parameter.
        context.Database.ExecuteSqlRawAsync(
            $$"""
            DELETE FROM {{JobsDbContext.SchemaName}}.company_members WHERE user_id = {0};
            UPDATE {{JobsDbContext.SchemaName}}.company_invitations SET invited_by = NULL WHERE invited_by = {0};
            UPDATE {{JobsDbContext.SchemaName}}.company_invitations SET accepted_by = NULL WHERE accepted_by = {0};
            """,
            [userId],
            cancellationToken);
}
