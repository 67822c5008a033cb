using Marketplace.Jobs.Application.Postings;
using Marketplace.Jobs.Domain.Postings;
using Microsoft.EntityFrameworkCore;

namespace Marketplace.Jobs.Infrastructure.Persistence;

internal sealed class PostingRepository(JobsDbContext context) : IPostingRepository
{
    public void Add(JobPosting posting) => context.Postings.Add(posting);

    public async Task<JobPosting?> GetForUpdateAsync(Guid id, int? expectedVersion, CancellationToken cancellationToken)
    {
        var posting = await context.Postings.SingleOrDefaultAsync(p => p.Id == id, cancellationToken);
        if (posting is not null && expectedVersion is { } version)
        {
            // The UPDATE then checks the revision against what the client read, not what this request loaded.
            context.Entry(posting).Property(p => p.Revision).OriginalValue = version;
        }

        return posting;
    }

    public Task<JobPosting?> FindAsync(Guid id, CancellationToken cancellationToken) =>
        context.Postings.AsNoTracking().SingleOrDefaultAsync(p => p.Id == id, cancellationToken);

    public async Task<IReadOnlyList<JobPosting>> ListPublishedAsync(string? company, int skip, int take, CancellationToken cancellationToken)
    {
        var query = context.Postings.AsNoTracking().Where(p => p.Status == PostingStatus.Published);
        if (!string.IsNullOrEmpty(company))
        {
            query = query.Where(p => p.Company == company);
        }

        return await query.OrderByDescending(p => p.PublishedAt).ThenByDescending(p => p.Id).Skip(skip).Take(take).ToListAsync(cancellationToken);
    }

    public async Task<IReadOnlyList<JobPosting>> ListManagedAsync(Guid? companyId, Guid employerId, CancellationToken cancellationToken)
    {
        var query = context.Postings.AsNoTracking();
        query = companyId is { } company
            ? query.Where(p => p.CompanyId == company || (p.CompanyId == null && p.EmployerId == employerId))
            : query.Where(p => p.EmployerId == employerId);
        return await query.OrderByDescending(p => p.UpdatedAt).ThenByDescending(p => p.Id).Take(500).ToListAsync(cancellationToken);
    }

    public async Task<IReadOnlyList<JobPosting>> ListByEmployerAsync(Guid employerId, CancellationToken cancellationToken) =>
        await context.Postings.AsNoTracking().Where(p => p.EmployerId == employerId).OrderBy(p => p.CreatedAt).ToListAsync(cancellationToken);

    public Task<int> ForgetEmployerAsync(Guid employerId, CancellationToken cancellationToken) =>
        context.Postings.Where(p => p.EmployerId == employerId)
            .ExecuteUpdateAsync(p => p.SetProperty(x => x.EmployerId, (Guid?)null), cancellationToken);
}
