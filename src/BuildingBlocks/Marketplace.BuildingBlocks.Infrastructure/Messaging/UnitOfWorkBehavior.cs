using Marketplace.BuildingBlocks.Application.Behaviors;
using Marketplace.BuildingBlocks.Domain;
using Marketplace.BuildingBlocks.Infrastructure.Mail;
using Marketplace.BuildingBlocks.Infrastructure.Modules;
using Marketplace.BuildingBlocks.Infrastructure.Persistence;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace Marketplace.BuildingBlocks.Infrastructure.Messaging;

/// <summary>
/// Last in the pipeline, for commands only: one transaction of the command's module (<see cref="UnitOfWork"/>: inside the
/// execution strategy, so a transient failure, a connection that dies under the transaction included, runs the whole
/// command again), the outbox rows and mail written in it, and the relay and the sending triggered right after commit.
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
        var relayed = 0;
        IReadOnlyList<Guid> mails = [];

        TResponse response;
        try
        {
            response = await UnitOfWork.InTransactionAsync(context, async ct =>
            {
                outbox.Discard();
                mail.Discard();
                var result = await next(message, ct);
                if (result.IsFailure)
                {
                    await context.Database.RollbackTransactionAsync(ct);
                    outbox.Discard();
                    mail.Discard();
                    return result;
                }

                relayed = outbox.FlushInto(context);
                mails = await mail.FlushIntoAsync(context, module.Name, ct);
                await context.SaveChangesAsync(ct);
                await UnitOfWork.CommitAsync(context, ct);
                return result;
            }, cancellationToken);
        }
        catch (DbUpdateConcurrencyException)
        {
            outbox.Discard();
            mail.Discard();
            return FailedResult.Of<TResponse>([Error.Conflict("concurrency", "Someone else changed this in the meantime; reload it and try again.")]);
        }
        catch (Exception exception) when (exception is not DatabaseUnavailableException && DatabaseUnavailableHandler.IsDatabaseUnavailable(exception))
        {
            outbox.Discard();
            mail.Discard();
            throw new DatabaseUnavailableException("The database could not be reached; the command was not applied.", exception);
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
