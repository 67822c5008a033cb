using System.ComponentModel;
using System.Reflection;
using System.Text.Json;
using Hangfire;
using Marketplace.BuildingBlocks.Application;
using Marketplace.BuildingBlocks.Infrastructure.Mail;
using Marketplace.BuildingBlocks.Infrastructure.Modules;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Marketplace.BuildingBlocks.Infrastructure.Messaging;

/// <summary>
/// A Hangfire job: runs one handler for one event inside the receiving module's transaction, which also inserts the inbox
/// row (event id, handler). A second delivery finds the row (or waits on it, when both run at once) and does nothing.
/// A failing handler rolls back, inbox row included, and Hangfire retries it with growing delays; when the retries are
/// spent the job stays in Hangfire's failed list, from where the dashboard can requeue it.
/// </summary>
public sealed class IntegrationEventDelivery(
    IServiceProvider services,
    ModuleCatalog modules,
    IntegrationEventOutbox outbox,
    MailOutbox mail,
    IOutboxRelayTrigger relayTrigger,
    IMailSendTrigger mailTrigger,
    TimeProvider clock)
{
    [DisplayName("Deliver {1} from {0} to {2}")]
    [AutomaticRetry(Attempts = 6, DelaysInSeconds = [2, 10, 60, 300, 1800, 7200], OnAttemptsExceeded = AttemptsExceededAction.Fail)]
    public async Task DeliverAsync(string sourceModule, Guid eventId, string handler, CancellationToken cancellationToken) =>
        await TryDeliverAsync(sourceModule, eventId, handler, cancellationToken);

    /// <summary>Delivers the event; returns false when the inbox shows this handler already had it.</summary>
    public async Task<bool> TryDeliverAsync(string sourceModule, Guid eventId, string handler, CancellationToken cancellationToken)
    {
        var source = modules.ResolveContext(services, modules.Get(sourceModule));
        var message = await source.OutboxMessages.AsNoTracking().SingleOrDefaultAsync(m => m.Id == eventId, cancellationToken)
            ?? throw new InvalidOperationException($"Event {eventId} is not in the {sourceModule} outbox.");
        var eventType = EventTypeName.Resolve(message.Type);
        var integrationEvent = JsonSerializer.Deserialize(message.Payload, eventType, IntegrationEventOutbox.Json)
            ?? throw new InvalidOperationException($"Event {eventId} has an empty payload.");

        var handlerInterface = typeof(IIntegrationEventHandler<>).MakeGenericType(eventType);
        var instance = services.GetServices(handlerInterface).FirstOrDefault(h => HandlerName.Of(h!.GetType()) == handler)
            ?? throw new InvalidOperationException($"No handler '{handler}' for {eventType.Name} is registered.");
        var handle = handlerInterface.GetMethod(nameof(IIntegrationEventHandler<IIntegrationEvent>.HandleAsync))!;

        var receiving = modules.OwnerOf(instance.GetType());
        var context = modules.ResolveContext(services, receiving);
        // The schema comes from the module's descriptor, never from input.
        var insertInboxRow = $$"""INSERT INTO "{{receiving.Schema}}".inbox_messages (event_id, handler, processed_at) VALUES ({0}, {1}, {2}) ON CONFLICT DO NOTHING""";
        var published = 0;
        IReadOnlyList<Guid> mails = [];
        var delivered = await context.Database.CreateExecutionStrategy().ExecuteAsync(async ct =>
        {
            context.ChangeTracker.Clear();
            outbox.Discard();
            mail.Discard();
            await using var transaction = await context.Database.BeginTransactionAsync(ct);
            var firstTime = await context.Database.ExecuteSqlRawAsync(insertInboxRow, [eventId, handler, clock.GetUtcNow()], ct);
            if (firstTime == 0)
            {
                await transaction.RollbackAsync(ct);
                return false;
            }

            await (Task)handle.Invoke(instance, BindingFlags.DoNotWrapExceptions, null, [integrationEvent, ct], null)!;
            published = outbox.FlushInto(context);
            mails = await mail.FlushIntoAsync(context, receiving.Name, ct);
            await context.SaveChangesAsync(ct);
            await transaction.CommitAsync(ct);
            return true;
        }, cancellationToken);

        if (published > 0)
        {
            relayTrigger.RelayAfterCommit(receiving.Name);
        }

        if (mails.Count > 0)
        {
            mailTrigger.SendAfterCommit(mails);
        }

        return delivered;
    }
}
