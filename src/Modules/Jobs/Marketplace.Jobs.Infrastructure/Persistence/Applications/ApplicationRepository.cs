using Marketplace.Jobs.Application.Applications;
using Marketplace.Jobs.Application.Applications.Pipeline;
using Marketplace.Jobs.Application.Postings.List;
using Marketplace.Jobs.Domain.Applications;
using Microsoft.EntityFrameworkCore;

namespace Marketplace.Jobs.Infrastructure.Persistence.Applications;

internal sealed class ApplicationRepository(JobsDbContext context) : IApplicationRepository, IApplicantCounts
{
    public void Add(JobApplication application) => context.Applications.Add(application);

    public void Add(RejectionTemplates templates) => context.RejectionTemplates.Add(templates);

    public Task<JobApplication?> FindMineAsync(Guid postingId, Guid applicantId, CancellationToken cancellationToken) =>
        context.Applications.AsNoTracking().SingleOrDefaultAsync(a => a.PostingId == postingId && a.ApplicantId == applicantId, cancellationToken);

    public async Task<IReadOnlySet<Guid>> ApplicantsAmongAsync(Guid postingId, IReadOnlyCollection<Guid> applicantIds, CancellationToken cancellationToken)
    {
        if (applicantIds.Count == 0)
        {
            return new HashSet<Guid>();
        }

        var ids = applicantIds.ToList();
        var found = await context.Applications.AsNoTracking()
            .Where(a => a.PostingId == postingId && a.ApplicantId != null && ids.Contains(a.ApplicantId.Value))
            .Select(a => a.ApplicantId!.Value).ToListAsync(cancellationToken);
        return found.ToHashSet();
    }

    public async Task<JobApplication?> GetForUpdateAsync(Guid id, int? expectedVersion, CancellationToken cancellationToken)
    {
        var application = await context.Applications.SingleOrDefaultAsync(a => a.Id == id, cancellationToken);
        if (application is not null && expectedVersion is { } version)
        {
            // The UPDATE then checks the revision against what the member read, not what this request loaded.
            context.Entry(application).Property(a => a.Revision).OriginalValue = version;
        }

        return application;
    }

    public Task<JobApplication?> FindAsync(Guid id, CancellationToken cancellationToken) =>
        context.Applications.AsNoTracking().SingleOrDefaultAsync(a => a.Id == id, cancellationToken);

    public async Task<IReadOnlyList<JobApplication>> ListByApplicantAsync(Guid applicantId, bool forUpdate, CancellationToken cancellationToken)
    {
        var query = forUpdate ? context.Applications : context.Applications.AsNoTracking();
        return await query.Where(a => a.ApplicantId == applicantId).OrderByDescending(a => a.SubmittedAt).Take(1_000).ToListAsync(cancellationToken);
    }

    public async Task<IReadOnlyList<JobApplication>> ListByPostingAsync(
        Guid postingId, ApplicationStage? stage, ApplicantOrder order, int skip, int take, CancellationToken cancellationToken)
    {
        var query = context.Applications.AsNoTracking().Where(a => a.PostingId == postingId);
        if (stage is { } one)
        {
            query = query.Where(a => a.Stage == one);
        }

        if (order == ApplicantOrder.Date)
        {
            return await query.OrderBy(a => a.SubmittedAt).ThenBy(a => a.Id).Skip(skip).Take(take).ToListAsync(cancellationToken);
        }

        // The score lives in the snapshot's JSON, which LINQ does not reach through the value converter.
        var stageName = stage?.ToString();
        return await context.Applications.FromSql($"""
            SELECT * FROM jobs.applications
            WHERE posting_id = {postingId} AND ({stageName}::text IS NULL OR stage = {stageName})
            ORDER BY (match ->> 'score')::numeric DESC NULLS LAST, submitted_at, id
            OFFSET {skip} LIMIT {take}
            """).AsNoTracking().ToListAsync(cancellationToken);
    }

    public async Task<IReadOnlyDictionary<ApplicationStage, int>> CountStagesAsync(Guid postingId, CancellationToken cancellationToken) =>
        await context.Applications.Where(a => a.PostingId == postingId).GroupBy(a => a.Stage)
            .Select(g => new { Stage = g.Key, Count = g.Count() })
            .ToDictionaryAsync(g => g.Stage, g => g.Count, cancellationToken);

    public async Task<IReadOnlyDictionary<Guid, PostingHeading>> PostingHeadingsAsync(IReadOnlyCollection<Guid> postingIds, CancellationToken cancellationToken)
    {
        var rows = await context.Postings.AsNoTracking().Where(p => postingIds.Contains(p.Id))
            .Select(p => new { p.Id, p.Title, p.Company, p.Status }).ToListAsync(cancellationToken);
        return rows.ToDictionary(p => p.Id, p => new PostingHeading(p.Id, p.Title, p.Company, p.Status.ToString()));
    }

    public Task<RejectionTemplates?> FindTemplatesAsync(Guid ownerId, bool forUpdate, CancellationToken cancellationToken) =>
        (forUpdate ? context.RejectionTemplates : context.RejectionTemplates.AsNoTracking()).SingleOrDefaultAsync(t => t.Id == ownerId, cancellationToken);

    /// <summary>Applicants of each posting, withdrawn ones left out: those the company still has to answer or has answered.</summary>
    public async Task<IReadOnlyDictionary<Guid, int>> CountAsync(IReadOnlyCollection<Guid> postingIds, CancellationToken cancellationToken) =>
        await context.Applications.Where(a => postingIds.Contains(a.PostingId) && a.Stage != ApplicationStage.Withdrawn)
            .GroupBy(a => a.PostingId).Select(g => new { PostingId = g.Key, Count = g.Count() })
            .ToDictionaryAsync(g => g.PostingId, g => g.Count, cancellationToken);
}
