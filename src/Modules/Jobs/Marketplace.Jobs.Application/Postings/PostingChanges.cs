using Marketplace.BuildingBlocks.Application;
using Marketplace.BuildingBlocks.Domain;
using Marketplace.Jobs.Application.Skills;
using Marketplace.Jobs.Contracts;
using Marketplace.Jobs.Domain.Postings;

namespace Marketplace.Jobs.Application.Postings;

/// <summary>Which event a change makes, for every command that changes a posting: the one place that decides it.</summary>
public static class PostingChanges
{
    public static readonly Error Stale = Error.Conflict("posting.stale_version", "The posting changed since you read it; reload it and try again.");

    /// <summary>
    /// The frame of every change a member makes to a posting: the posting at the version they read (or why not), the
    /// change, the event it makes (<see cref="Announce"/>), and the stored posting as the answer.
    /// </summary>
    public static async Task<Result<PostingDto>> MakeAsync(
        PostingAccess access,
        SkillCatalog skills,
        IIntegrationEventPublisher events,
        DateTimeOffset now,
        Guid id,
        int? version,
        Func<JobPosting, ValueTask<Result>> change,
        CancellationToken cancellationToken)
    {
        var managed = await access.ForChangeAsync(id, version, cancellationToken);
        if (managed.IsFailure)
        {
            return Result<PostingDto>.Failure(managed.Errors);
        }

        var posting = managed.Value;
        var before = posting.Status;
        var done = await change(posting);
        if (done.IsFailure)
        {
            return Result<PostingDto>.Failure(done.Errors);
        }

        Announce(events, posting, before, now);
        return PostingDto.From(posting, skills);
    }

    /// <summary>
    /// A draft that stays a draft is nobody else's business; a draft that went live is <see cref="PostingPublished"/>;
    /// closing, expiring and holding are <see cref="PostingClosed"/>; any other change of what others already knew (an edit,
    /// a renewal, a release from hold) is <see cref="PostingChanged"/>.
    /// </summary>
    public static void Announce(IIntegrationEventPublisher events, JobPosting posting, PostingStatus before, DateTimeOffset now)
    {
        var snapshot = PostingSnapshots.Of(posting);
        var after = posting.Status;
        IIntegrationEvent? change = (before, after) switch
        {
            (PostingStatus.Draft, PostingStatus.Draft) => null,
            (PostingStatus.Draft, PostingStatus.Published) => new PostingPublished(Guid.CreateVersion7(now), now, snapshot),
            (_, PostingStatus.Closed) when before != after =>
                new PostingClosed(Guid.CreateVersion7(now), now, snapshot, posting.ClosingReason?.ToString() ?? nameof(PostingStatus.Closed)),
            (_, PostingStatus.Expired or PostingStatus.OnHold) when before != after =>
                new PostingClosed(Guid.CreateVersion7(now), now, snapshot, after.ToString()),
            _ => new PostingChanged(Guid.CreateVersion7(now), now, snapshot),
        };
        if (change is not null)
        {
            events.Publish(change);
        }
    }
}
