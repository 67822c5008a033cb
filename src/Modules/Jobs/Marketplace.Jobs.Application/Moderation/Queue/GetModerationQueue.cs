using Marketplace.BuildingBlocks.Domain;
using Mediator;

namespace Marketplace.Jobs.Application.Moderation.Queue;

public sealed record ReportDto(Guid Id, string Reason, string? Details, DateTimeOffset CreatedAt);

/// <summary>A posting with open reports: what the moderator decides on, all its reports together.</summary>
public sealed record ReportedPostingDto(Guid PostingId, int Version, string Title, string Company, string Status, IReadOnlyList<ReportDto> Reports);

public sealed record HeldPostingDto(Guid PostingId, int Version, string Title, string Company, string? HoldReason, DateTimeOffset? HeldAt);

public sealed record ModerationQueueDto(IReadOnlyList<ReportedPostingDto> Reported, IReadOnlyList<HeldPostingDto> Held);

/// <summary>What awaits the moderators: reported postings, the oldest report first, and the postings on hold.</summary>
public sealed record GetModerationQueue : IQuery<Result<ModerationQueueDto>>;

public sealed class GetModerationQueueHandler(IReportRepository reports, IModerationReads reads) : IQueryHandler<GetModerationQueue, Result<ModerationQueueDto>>
{
    public async ValueTask<Result<ModerationQueueDto>> Handle(GetModerationQueue query, CancellationToken cancellationToken)
    {
        var open = await reports.ListOpenAsync(500, cancellationToken);
        var postings = await reads.FindAsync([.. open.Select(r => r.PostingId).Distinct()], cancellationToken);
        var reported = open.GroupBy(r => r.PostingId)
            .Where(g => postings.ContainsKey(g.Key))
            .Select(g =>
            {
                var posting = postings[g.Key];
                return new ReportedPostingDto(
                    posting.Id, posting.Revision, posting.Title, posting.Company, posting.Status.ToString(),
                    [.. g.OrderBy(r => r.CreatedAt).Select(r => new ReportDto(r.Id, r.Reason.ToString(), r.Details, r.CreatedAt))]);
            })
            .ToList();
        var held = await reads.ListHeldAsync(200, cancellationToken);
        return new ModerationQueueDto(
            reported,
            [.. held.Select(p => new HeldPostingDto(p.Id, p.Revision, p.Title, p.Company, p.HoldReason, p.HeldAt))]);
    }
}

/// <summary>The postings moderation looks at; implemented by the Jobs infrastructure.</summary>
public interface IModerationReads
{
    Task<IReadOnlyDictionary<Guid, Domain.Postings.JobPosting>> FindAsync(IReadOnlyCollection<Guid> ids, CancellationToken cancellationToken);

    Task<IReadOnlyList<Domain.Postings.JobPosting>> ListHeldAsync(int take, CancellationToken cancellationToken);
}
