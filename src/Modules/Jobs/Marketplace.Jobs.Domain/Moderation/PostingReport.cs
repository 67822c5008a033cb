using Marketplace.BuildingBlocks.Domain;

namespace Marketplace.Jobs.Domain.Moderation;

/// <summary>What a reporter thinks is wrong with a posting.</summary>
public enum ReportReason { Spam, Scam, Discriminatory, Misleading, Offensive, Other }

public enum ReportStatus { Open, Dismissed, Actioned }

/// <summary>
/// Someone signed in reports a posting to the moderators. A report stays open until an admin either puts the posting on
/// hold (the report is actioned) or dismisses it.
/// </summary>
public sealed class PostingReport : AggregateRoot<Guid>
{
    public const int MaxDetailsLength = 2_000;

    private PostingReport()
    {
    }

    public Guid PostingId { get; private set; }

    /// <summary>Who reported it; null once their account is deleted (the report itself stays for the moderators).</summary>
    public Guid? ReporterId { get; private set; }

    public ReportReason Reason { get; private set; }
    public string? Details { get; private set; }
    public ReportStatus Status { get; private set; }
    public DateTimeOffset CreatedAt { get; private set; }
    public Guid? ResolvedBy { get; private set; }
    public DateTimeOffset? ResolvedAt { get; private set; }

    public static Result<PostingReport> File(Guid id, Guid postingId, Guid reporterId, ReportReason reason, string? details, DateTimeOffset now)
    {
        var trimmed = string.IsNullOrWhiteSpace(details) ? null : details.Trim();
        if (reason == ReportReason.Other && trimmed is null)
        {
            return Error.Validation("Details", "Tell the moderators what is wrong with the posting.");
        }

        if (trimmed?.Length > MaxDetailsLength)
        {
            return Error.Validation("Details", $"Keep it to {MaxDetailsLength} characters.");
        }

        return new PostingReport
        {
            Id = id,
            PostingId = postingId,
            ReporterId = reporterId,
            Reason = reason,
            Details = trimmed,
            Status = ReportStatus.Open,
            CreatedAt = now,
        };
    }

    public Result Dismiss(Guid adminId, DateTimeOffset now) => Resolve(ReportStatus.Dismissed, adminId, now);

    public Result MarkActioned(Guid adminId, DateTimeOffset now) => Resolve(ReportStatus.Actioned, adminId, now);

    private Result Resolve(ReportStatus outcome, Guid adminId, DateTimeOffset now)
    {
        if (Status != ReportStatus.Open)
        {
            return Error.Conflict("report.resolved", "This report has already been dealt with.");
        }

        Status = outcome;
        ResolvedBy = adminId;
        ResolvedAt = now;
        return Result.Success();
    }
}
