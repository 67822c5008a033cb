using System.ComponentModel;
using Hangfire;
using Marketplace.BuildingBlocks.Application;
using Marketplace.BuildingBlocks.Infrastructure.Modules;
using Marketplace.BuildingBlocks.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Marketplace.BuildingBlocks.Infrastructure.Messaging;

/// <summary>
/// A Hangfire job: takes a batch of a module's waiting outbox rows (FOR UPDATE SKIP LOCKED, so relays on several servers
/// share the work and never take the same row), enqueues one delivery job per (event, handler), and marks the rows relayed.
/// If it dies after enqueueing and before committing, the rows are relayed again; the receiving inbox absorbs the duplicate.
/// </summary>
public sealed partial class OutboxRelay(
    IServiceProvider services,
    ModuleCatalog modules,
    IBackgroundJobClient jobs,
    TimeProvider clock,
    ILogger<OutboxRelay> logger)
{
    public const int BatchSize = 50;

    /// <summary>Relayed rows stay this long, so a failed delivery can still be retried from the dashboard.</summary>
    public static readonly TimeSpan RelayedRetention = TimeSpan.FromDays(14);

    /// <summary>Inbox rows outlive the outbox rows that could be delivered again.</summary>
    public static readonly TimeSpan InboxRetention = TimeSpan.FromDays(30);

    [DisplayName("Relay the {0} outbox")]
    [AutomaticRetry(Attempts = 3)]
    public async Task RelayAsync(string moduleName, CancellationToken cancellationToken) =>
        await RelayPendingAsync(moduleName, cancellationToken);

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
            relayed = await context.Database.CreateExecutionStrategy().ExecuteAsync(
                ct => RelayBatchAsync(module, context, ct), cancellationToken);
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
        context.ChangeTracker.Clear();
        await using var transaction = await context.Database.BeginTransactionAsync(cancellationToken);
        // The schema comes from the module's descriptor, never from input.
        var lockWaitingRows = $"""
            SELECT * FROM "{module.Schema}".outbox_messages
            WHERE relayed_at IS NULL
            ORDER BY occurred_at, id
            LIMIT {BatchSize}
            FOR UPDATE SKIP LOCKED
            """;
        var batch = await context.OutboxMessages.FromSqlRaw(lockWaitingRows).ToListAsync(cancellationToken);

        var now = clock.GetUtcNow();
        foreach (var message in batch)
        {
            if (EventTypeName.TryResolve(message.Type) is not { } eventType)
            {
                // A row no handler could ever read must not block the rows behind it: it is marked relayed and
                // stays in the table (until the retention) for someone to fix and resend by clearing relayed_at.
                LogUnknownType(logger, message.Id, message.Type, module.Name);
                message.RelayedAt = now;
                continue;
            }

            var handlerType = typeof(IIntegrationEventHandler<>).MakeGenericType(eventType);
            foreach (var handler in services.GetServices(handlerType))
            {
                var handlerName = HandlerName.Of(handler!.GetType());
                var eventId = message.Id;
                jobs.Enqueue<IntegrationEventDelivery>(d => d.DeliverAsync(module.Name, eventId, handlerName, CancellationToken.None));
            }

            message.RelayedAt = now;
        }

        await context.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return batch.Count;
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "Outbox message {EventId} of {Module} has the unknown type {EventType}; it was not relayed")]
    private static partial void LogUnknownType(ILogger logger, Guid eventId, string eventType, string module);

    [LoggerMessage(Level = LogLevel.Information, Message = "Relayed {Count} outbox messages of {Module}")]
    private static partial void LogRelayed(ILogger logger, int count, string module);
}

/// <summary>How a handler is named in delivery jobs and inbox rows.</summary>
public static class HandlerName
{
    public static string Of(Type handlerType) => handlerType.FullName ?? handlerType.Name;
}
