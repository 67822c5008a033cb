using System.ComponentModel;
using Hangfire;
using Marketplace.BuildingBlocks.Infrastructure.Modules;
using Marketplace.BuildingBlocks.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;
using Npgsql;
using Microsoft.Extensions.Logging;

namespace Marketplace.BuildingBlocks.Infrastructure.Messaging;

/// <summary>
/// A Hangfire job: takes a batch of a module's waiting outbox rows (FOR UPDATE SKIP LOCKED, so relays on several servers
/// share the work and never take the same row), enqueues one delivery job per receiving module carrying the batch's events
/// and the names of that module's handlers, and marks the rows relayed. If it dies after enqueueing and before committing,
/// the rows are relayed again; the receiving inboxes absorb the duplicates.
/// </summary>
public sealed partial class OutboxRelay(
    IServiceProvider services,
    ModuleCatalog modules,
    MessagingNames names,
    OutboxRelaySignal signal,
    IBackgroundJobClient jobs,
    TimeProvider clock,
    ILogger<OutboxRelay> logger)
{
    /// <summary>Rows per relay transaction, and so at most the events of one delivery job.</summary>
    public const int BatchSize = 500;

    /// <summary>Relayed rows stay this long, for people looking into what happened; deliveries carry their own payload.</summary>
    public static readonly TimeSpan RelayedRetention = TimeSpan.FromDays(14);

    /// <summary>Inbox rows outlive any delivery job that could still be retried or requeued.</summary>
    public static readonly TimeSpan InboxRetention = TimeSpan.FromDays(30);

    [DisplayName("Relay the {0} outbox")]
    [AutomaticRetry(Attempts = 3)]
    public async Task RelayAsync(string moduleName, CancellationToken cancellationToken)
    {
        signal.RelayStarted(moduleName);
        await RelayPendingAsync(moduleName, cancellationToken);
    }

    /// <summary>The safety net: relays whatever every outbox still holds, and deletes outbox and inbox rows past their retention.</summary>
    [DisplayName("Sweep every outbox")]
    [AutomaticRetry(Attempts = 0)]
    public async Task SweepAsync(CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        foreach (var module in modules.Modules)
        {
            var context = modules.ResolveContext(services, module);
            await context.OutboxMessages.Where(m => m.RelayedAt < now - RelayedRetention).ExecuteDeleteAsync(cancellationToken);
            await context.InboxMessages.Where(m => m.ProcessedAt < now - InboxRetention).ExecuteDeleteAsync(cancellationToken);
            await RelayPendingAsync(module.Name, cancellationToken);
        }
    }

    /// <summary>Relays until the module's outbox has nothing waiting that another relay has not locked; returns how many rows this call relayed.</summary>
    public async Task<int> RelayPendingAsync(string moduleName, CancellationToken cancellationToken)
    {
        var module = modules.Get(moduleName);
        var context = modules.ResolveContext(services, module);
        var total = 0;
        int relayed;
        do
        {
            relayed = await UnitOfWork.InTransactionAsync(context, ct => RelayBatchAsync(module, context, ct), cancellationToken);
            total += relayed;
        }
        while (relayed == BatchSize);

        if (total > 0)
        {
            LogRelayed(logger, total, module.Name);
        }

        return total;
    }

    private async Task<int> RelayBatchAsync(ModuleDescriptor module, ModuleDbContext context, CancellationToken cancellationToken)
    {
        // One statement locks a batch of waiting rows (skipping those another relay holds), marks them and returns them.
        // The schema comes from the module's descriptor, never from input.
        await using var take = UnitOfWork.Command(context, $"""
            WITH batch AS (
                SELECT id FROM "{module.Schema}".outbox_messages
                WHERE relayed_at IS NULL
                ORDER BY occurred_at, id
                LIMIT {BatchSize}
                FOR UPDATE SKIP LOCKED)
            UPDATE "{module.Schema}".outbox_messages AS o SET relayed_at = @now
            FROM batch WHERE o.id = batch.id
            RETURNING o.id, o.type, o.payload::text, o.occurred_at
            """);
        take.Parameters.AddWithValue("now", clock.GetUtcNow());
        var batch = new List<(Guid Id, string Type, string Payload, DateTimeOffset OccurredAt)>();
        await using (var reader = await take.ExecuteReaderAsync(cancellationToken))
        {
            while (await reader.ReadAsync(cancellationToken))
            {
                batch.Add((reader.GetGuid(0), reader.GetString(1), reader.GetString(2), reader.GetFieldValue<DateTimeOffset>(3)));
            }
        }

        var deliveries = new Dictionary<ModuleDescriptor, List<EventDelivery>>();
        foreach (var message in batch.OrderBy(m => m.OccurredAt).ThenBy(m => m.Id))
        {
            if (names.FindEvent(message.Type) is not { } eventType)
            {
                // A row no handler could ever read must not block the rows behind it: it is marked relayed and
                // stays in the table (until the retention) for someone to fix and resend by clearing relayed_at.
                LogUnknownType(logger, message.Id, message.Type, module.Name);
                continue;
            }

            foreach (var receiving in names.HandlersOf(eventType).GroupBy(h => h.Module))
            {
                if (!deliveries.TryGetValue(receiving.Key, out var list))
                {
                    deliveries[receiving.Key] = list = [];
                }

                list.Add(new EventDelivery(message.Id, module.Name, message.Type, message.Payload, [.. receiving.Select(h => h.Name)]));
            }
        }

        foreach (var (receiving, list) in deliveries)
        {
            EventDelivery[] events = [.. list];
            jobs.Enqueue<IntegrationEventDelivery>(d => d.DeliverAsync(receiving.Name, EventDelivery.Describe(events), events, CancellationToken.None));
        }

        await UnitOfWork.CommitAsync(context, cancellationToken);
        return batch.Count;
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "Outbox message {EventId} of {Module} has the unknown type {EventType}; it was not relayed")]
    private static partial void LogUnknownType(ILogger logger, Guid eventId, string eventType, string module);

    [LoggerMessage(Level = LogLevel.Information, Message = "Relayed {Count} outbox messages of {Module}")]
    private static partial void LogRelayed(ILogger logger, int count, string module);
}

/// <summary>
/// One event on its way to one module, carried by the delivery job itself: its id, where it came from, its stored name and
/// payload, and the names of the receiving module's handlers. So a delivery does not depend on the source's outbox row,
/// which may be gone by the time a failed delivery is requeued.
/// </summary>
public sealed record EventDelivery(Guid EventId, string SourceModule, string Event, string Payload, string[] Handlers)
{
    /// <summary>"3 events (jobs.posting-published)": what the dashboard shows of a delivery job.</summary>
    public static string Describe(IReadOnlyCollection<EventDelivery> deliveries) =>
        $"{deliveries.Count} event{(deliveries.Count == 1 ? "" : "s")} ({string.Join(", ", deliveries.Select(d => d.Event).Distinct().Order(StringComparer.Ordinal))})";
}
