using Marketplace.BuildingBlocks.Application.Behaviors;
using Marketplace.BuildingBlocks.Domain;
using Marketplace.BuildingBlocks.Infrastructure.Mail;
using Marketplace.BuildingBlocks.Infrastructure.Modules;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace Marketplace.BuildingBlocks.Infrastructure.Messaging;

/// <summary>
/// Last in the pipeline, for commands only: one transaction of the command's module, run inside EF Core's execution strategy
/// (so a transient failure retries the whole command), the outbox rows and mail written in it, and the relay and the
/// sending triggered right after commit.
/// A failed Result rolls back; a lost optimistic-concurrency race becomes a Conflict error.
/// </summary>
public sealed class UnitOfWorkBehavior<TMessage, TResponse>(
    IServiceProvider services,
    ModuleCatalog modules,
    IntegrationEventOutbox outbox,
    MailOutbox mail,
    IOutboxRelayTrigger relayTrigger,
    IMailSendTrigger mailTrigger)
    : IPipelineBehavior<TMessage, TResponse>
    where TMessage : notnull, IBaseCommand
    where TResponse : Result
{
    public async ValueTask<TResponse> Handle(TMessage message, MessageHandlerDelegate<TMessage, TResponse> next, CancellationToken cancellationToken)
    {
        var module = modules.OwnerOf(typeof(TMessage));
        var context = modules.ResolveContext(services, module);
        var strategy = context.Database.CreateExecutionStrategy();
        var relayed = 0;
        IReadOnlyList<Guid> mails = [];

        TResponse response;
        try
        {
            response = await strategy.ExecuteAsync(async ct =>
            {
                context.ChangeTracker.Clear();
                outbox.Discard();
                mail.Discard();
                await using var transaction = await context.Database.BeginTransactionAsync(ct);
                var result = await next(message, ct);
                if (result.IsFailure)
                {
                    await transaction.RollbackAsync(ct);
                    outbox.Discard();
                    mail.Discard();
                    return result;
                }

                relayed = outbox.FlushInto(context);
                mails = await mail.FlushIntoAsync(context, module.Name, ct);
                await context.SaveChangesAsync(ct);
                await transaction.CommitAsync(ct);
                return result;
            }, cancellationToken);
        }
        catch (DbUpdateConcurrencyException)
        {
            outbox.Discard();
            mail.Discard();
            return FailedResult.Of<TResponse>([Error.Conflict("concurrency", "Someone else changed this in the meantime; reload it and try again.")]);
        }

        if (relayed > 0)
        {
            relayTrigger.RelayAfterCommit(module.Name);
        }

        if (mails.Count > 0)
        {
            mailTrigger.SendAfterCommit(mails);
        }

        return response;
    }
}
