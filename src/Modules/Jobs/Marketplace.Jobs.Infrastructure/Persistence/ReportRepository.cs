using Marketplace.Jobs.Application.Moderation;
using Marketplace.Jobs.Application.Moderation.Queue;
using Marketplace.Jobs.Domain.Moderation;
using Marketplace.Jobs.Domain.Postings;
using Microsoft.EntityFrameworkCore;

namespace Marketplace.Jobs.Infrastructure.Persistence;

internal sealed class ReportRepository(JobsDbContext context) : IReportRepository, IModerationReads
{
    public void Add(PostingReport report) => context.Reports.Add(report);

    public Task<bool> HasOpenReportAsync(Guid postingId, Guid reporterId, CancellationToken cancellationToken) =>
        context.Reports.AnyAsync(r => r.PostingId == postingId && r.ReporterId == reporterId && r.Status == ReportStatus.Open, cancellationToken);

    public async Task<IReadOnlyList<PostingReport>> ListOpenForUpdateAsync(Guid postingId, CancellationToken cancellationToken) =>
        await context.Reports.Where(r => r.PostingId == postingId && r.Status == ReportStatus.Open).ToListAsync(cancellationToken);

    public async Task<IReadOnlyList<PostingReport>> ListOpenAsync(int take, CancellationToken cancellationToken) =>
        await context.Reports.AsNoTracking().Where(r => r.Status == ReportStatus.Open).OrderBy(r => r.CreatedAt).Take(take).ToListAsync(cancellationToken);

    public Task<int> ForgetReporterAsync(Guid reporterId, CancellationToken cancellationToken) =>
        context.Reports.Where(r => r.ReporterId == reporterId)
            .ExecuteUpdateAsync(r => r.SetProperty(x => x.ReporterId, (Guid?)null), cancellationToken);

    public async Task<IReadOnlyDictionary<Guid, JobPosting>> FindAsync(IReadOnlyCollection<Guid> ids, CancellationToken cancellationToken) =>
        await context.Postings.AsNoTracking().Where(p => ids.Contains(p.Id)).ToDictionaryAsync(p => p.Id, cancellationToken);

    public async Task<IReadOnlyList<JobPosting>> ListHeldAsync(int take, CancellationToken cancellationToken) =>
        await context.Postings.AsNoTracking().Where(p => p.Status == PostingStatus.OnHold).OrderBy(p => p.HeldAt).Take(take).ToListAsync(cancellationToken);
}
