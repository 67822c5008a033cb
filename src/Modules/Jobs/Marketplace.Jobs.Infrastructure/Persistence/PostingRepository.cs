using Marketplace.Jobs.Application.Postings;
using Marketplace.Jobs.Domain.Postings;
using Microsoft.EntityFrameworkCore;

namespace Marketplace.Jobs.Infrastructure.Persistence;

internal sealed class PostingRepository(JobsDbContext context) : IPostingRepository
{
    public void Add(JobPosting posting) => context.Postings.Add(posting);

    public async Task<JobPosting?> GetForUpdateAsync(Guid id, uint expectedVersion, CancellationToken cancellationToken)
    {
        var posting = await context.Postings.SingleOrDefaultAsync(p => p.Id == id, cancellationToken);
        if (posting is not null)
        {
            // The UPDATE then checks xmin against what the client read, not what this request loaded.
            context.Entry(posting).Property(p => p.Version).OriginalValue = expectedVersion;
        }

        return posting;
    }

    public Task<JobPosting?> FindAsync(Guid id, CancellationToken cancellationToken) =>
        context.Postings.AsNoTracking().SingleOrDefaultAsync(p => p.Id == id, cancellationToken);

    public async Task<IReadOnlyList<JobPosting>> ListByEmployerAsync(Guid employerId, CancellationToken cancellationToken) =>
        await context.Postings.AsNoTracking().Where(p => p.EmployerId == employerId).OrderBy(p => p.PublishedAt).ToListAsync(cancellationToken);

    public Task<int> ForgetEmployerAsync(Guid employerId, CancellationToken cancellationToken) =>
        context.Postings.Where(p => p.EmployerId == employerId)
            .ExecuteUpdateAsync(p => p.SetProperty(x => x.EmployerId, (Guid?)null), cancellationToken);

    public async Task<IReadOnlyList<JobPosting>> ListAsync(string? company, int skip, int take, CancellationToken cancellationToken)
    {
        var query = context.Postings.AsNoTracking();
        if (!string.IsNullOrEmpty(company))
        {
            query = query.Where(p => p.Company == company);
        }

        return await query.OrderByDescending(p => p.PublishedAt).ThenBy(p => p.Id).Skip(skip).Take(take).ToListAsync(cancellationToken);
    }
}
