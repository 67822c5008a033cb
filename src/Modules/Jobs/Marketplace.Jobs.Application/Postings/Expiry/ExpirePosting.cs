using Marketplace.BuildingBlocks.Application;
using Marketplace.BuildingBlocks.Domain;
using Marketplace.Jobs.Domain.Postings;
using Mediator;

namespace Marketplace.Jobs.Application.Postings.Expiry;

/// <summary>The expiry sweep ends a published posting whose 30 days are up; running it again for the same posting does nothing.</summary>
public sealed record ExpirePosting(Guid Id) : ICommand<Result>;

public sealed class ExpirePostingHandler(IPostingRepository postings, IIntegrationEventPublisher events, TimeProvider clock)
    : ICommandHandler<ExpirePosting, Result>
{
    public async ValueTask<Result> Handle(ExpirePosting command, CancellationToken cancellationToken)
    {
        var posting = await postings.GetForUpdateAsync(command.Id, expectedVersion: null, cancellationToken);
        if (posting is null)
        {
            return Error.NotFound("posting", command.Id);
        }

        var now = clock.GetUtcNow();
        var before = posting.Status;
        var expired = posting.Expire(now);
        if (expired.IsFailure)
        {
            // Renewed, closed or already expired since the sweep looked: nothing to do.
            return Result.Success();
        }

        PostingChanges.Announce(events, posting, before, now);
        return Result.Success();
    }
}
