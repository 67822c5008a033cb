using Marketplace.BuildingBlocks.Domain;
using Marketplace.Jobs.Application.Postings.Mail;
using Mediator;

namespace Marketplace.Jobs.Application.Postings.Expiry;

/// <summary>
/// The expiry sweep warns the employer three days before a posting expires, once per publication: the mail is stored with
/// the mark that it was sent, in one transaction, so a retried sweep never sends it twice.
/// </summary>
public sealed record WarnOfPostingExpiry(Guid Id) : ICommand<Result>;

public sealed class WarnOfPostingExpiryHandler(IPostingRepository postings, PostingMail mail, TimeProvider clock) : ICommandHandler<WarnOfPostingExpiry, Result>
{
    public async ValueTask<Result> Handle(WarnOfPostingExpiry command, CancellationToken cancellationToken)
    {
        var posting = await postings.GetForUpdateAsync(command.Id, expectedVersion: null, cancellationToken);
        if (posting is null)
        {
            return Error.NotFound("posting", command.Id);
        }

        if (posting.WarnOfExpiry(clock.GetUtcNow()))
        {
            await mail.ExpiresSoonAsync(posting, cancellationToken);
        }

        return Result.Success();
    }
}
