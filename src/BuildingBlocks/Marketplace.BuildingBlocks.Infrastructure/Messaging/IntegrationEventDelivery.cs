using System.Collections.Concurrent;
using System.ComponentModel;
using System.Reflection;
using System.Text.Json;
using Hangfire;
using Marketplace.BuildingBlocks.Application;
using Marketplace.BuildingBlocks.Infrastructure.Mail;
using Marketplace.BuildingBlocks.Infrastructure.Modules;
using Marketplace.BuildingBlocks.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Npgsql;

namespace Marketplace.BuildingBlocks.Infrastructure.Messaging;

/// <summary>
/// A Hangfire job: delivers a batch of events to the handlers of one module, in one transaction of that module, which
/// first claims each (event id, handler name) in the module's inbox. A delivery that runs again, or at the same time,
/// finds its claims taken (or waits on them) and runs nothing twice. When the batch fails, it is split in two jobs, so a
/// bad event ends alone in a job of its own, which Hangfire retries with growing delays and then keeps in its failed list,
/// from where an admin can requeue it (the job carries the event, so the source's outbox row need not exist anymore).
/// </summary>
public sealed partial class IntegrationEventDelivery(
    IServiceProvider services,
    ModuleCatalog modules,
    MessagingNames names,
    IntegrationEventOutbox outbox,
    MailOutbox mail,
    IOutboxRelayTrigger relayTrigger,
    IMailSendTrigger mailTrigger,
    IBackgroundJobClient jobs,
    TimeProvider clock,
    ILogger<IntegrationEventDelivery> logger)
{
    private static readonly ConcurrentDictionary<Type, MethodInfo> HandleMethods = new();

    [DisplayName("Deliver {1} to {0}")]
    [AutomaticRetry(Attempts = 6, DelaysInSeconds = [2, 10, 60, 300, 1800, 7200], OnAttemptsExceeded = AttemptsExceededAction.Fail)]
    public async Task DeliverAsync(string receivingModule, string description, EventDelivery[] deliveries, CancellationToken cancellationToken)
    {
        try
        {
            await TryDeliverAsync(receivingModule, deliveries, cancellationToken);
        }
        catch (Exception exception) when (deliveries.Length > 1 && exception is not OperationCanceledException)
        {
            var half = deliveries.Length / 2;
            EventDelivery[] first = deliveries[..half], second = deliveries[half..];
            jobs.Enqueue<IntegrationEventDelivery>(d => d.DeliverAsync(receivingModule, EventDelivery.Describe(first), first, CancellationToken.None));
            jobs.Enqueue<IntegrationEventDelivery>(d => d.DeliverAsync(receivingModule, EventDelivery.Describe(second), second, CancellationToken.None));
            LogSplit(logger, exception, deliveries.Length, receivingModule);
        }
    }

    /// <summary>Runs each handler the inbox has not seen for its event; returns how many (event, handler) pairs ran now.</summary>
    public async Task<int> TryDeliverAsync(string receivingModule, IReadOnlyList<EventDelivery> deliveries, CancellationToken cancellationToken)
    {
        var receiving = modules.Get(receivingModule);
        var context = modules.ResolveContext(services, receiving);
        Guid[] eventIds = [.. deliveries.SelectMany(d => d.Handlers.Select(_ => d.EventId))];
        string[] handlerNames = [.. deliveries.SelectMany(d => d.Handlers)];
        var published = 0;
        IReadOnlyList<Guid> mails = [];

        var ran = await UnitOfWork.InTransactionAsync(context, async ct =>
        {
            outbox.Discard();
            mail.Discard();
            var claimed = await ClaimAsync(context, receiving, eventIds, handlerNames, ct);
            var ran = 0;
            foreach (var delivery in deliveries)
            {
                object? integrationEvent = null;
                foreach (var handlerName in delivery.Handlers.Where(h => claimed.Contains((delivery.EventId, h))))
                {
                    var handler = names.FindHandler(handlerName);
                    if (handler is null || handler.Module != receiving)
                    {
                        throw new InvalidOperationException(
                            $"{receiving} has no handler named '{handlerName}' for event {delivery.EventId} ({delivery.Event}); " +
                            "a handler's name must outlive renames (IntegrationEventHandlerAttribute).");
                    }

                    integrationEvent ??= Deserialize(delivery);
                    var instance = services.GetRequiredService(handler.HandlerType);
                    await (Task)HandleMethod(integrationEvent.GetType()).Invoke(instance, BindingFlags.DoNotWrapExceptions, null, [integrationEvent, ct], null)!;
                    // Saved at once (in the same transaction), so the next handler of the batch sees what this one did.
                    await context.SaveChangesAsync(ct);
                    ran++;
                }
            }

            if (ran > 0)
            {
                await MarkProcessedAsync(context, receiving, claimed, ct);
            }

            published = outbox.FlushInto(context);
            mails = await mail.FlushIntoAsync(context, receiving.Name, ct);
            await context.SaveChangesAsync(ct);
            await UnitOfWork.CommitAsync(context, ct);
            return ran;
        }, cancellationToken);

        if (published > 0)
        {
            relayTrigger.RelayAfterCommit(receiving.Name);
        }

        if (mails.Count > 0)
        {
            mailTrigger.SendAfterCommit(mails);
        }

        return ran;
    }

    private object Deserialize(EventDelivery delivery)
    {
        var eventType = names.FindEvent(delivery.Event)
            ?? throw new InvalidOperationException($"Event {delivery.EventId} from {delivery.SourceModule} has the unknown name '{delivery.Event}'.");
        return JsonSerializer.Deserialize(delivery.Payload, eventType, IntegrationEventOutbox.Json)
            ?? throw new InvalidOperationException($"Event {delivery.EventId} has an empty payload.");
    }

    private static MethodInfo HandleMethod(Type eventType) =>
        HandleMethods.GetOrAdd(eventType, type => typeof(IIntegrationEventHandler<>).MakeGenericType(type)
            .GetMethod(nameof(IIntegrationEventHandler<IIntegrationEvent>.HandleAsync))!);

    /// <summary>Inserts the inbox rows of the batch; returns the pairs that were not there yet (the others ran before).</summary>
    private async Task<HashSet<(Guid EventId, string Handler)>> ClaimAsync(
        DbContext context, ModuleDescriptor receiving, Guid[] eventIds, string[] handlerNames, CancellationToken cancellationToken)
    {
        await using var command = UnitOfWork.Command(context, $"""
            INSERT INTO "{receiving.Schema}".inbox_messages (event_id, handler, processed_at)
            SELECT e, h, @at FROM unnest(@events, @handlers) AS claims(e, h)
            ON CONFLICT DO NOTHING
            RETURNING event_id, handler
            """);
        command.Parameters.Add(new NpgsqlParameter("events", eventIds));
        command.Parameters.Add(new NpgsqlParameter("handlers", handlerNames));
        command.Parameters.Add(new NpgsqlParameter("at", clock.GetUtcNow()));
        var claimed = new HashSet<(Guid, string)>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            claimed.Add((reader.GetGuid(0), reader.GetString(1)));
        }

        return claimed;
    }

    /// <summary>Stamps the batch's inbox rows with the time its handlers finished, just before the commit.</summary>
    private async Task MarkProcessedAsync(DbContext context, ModuleDescriptor receiving, HashSet<(Guid EventId, string Handler)> claimed, CancellationToken cancellationToken)
    {
        await using var command = UnitOfWork.Command(context, $"""
            UPDATE "{receiving.Schema}".inbox_messages AS i SET processed_at = @at
            FROM unnest(@events, @handlers) AS done(e, h)
            WHERE i.event_id = done.e AND i.handler = done.h
            """);
        command.Parameters.Add(new NpgsqlParameter("events", claimed.Select(c => c.EventId).ToArray()));
        command.Parameters.Add(new NpgsqlParameter("handlers", claimed.Select(c => c.Handler).ToArray()));
        command.Parameters.Add(new NpgsqlParameter("at", clock.GetUtcNow()));
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "A delivery of {Count} events to {Module} failed; it goes on as two smaller deliveries")]
    private static partial void LogSplit(ILogger logger, Exception exception, int count, string module);
}
