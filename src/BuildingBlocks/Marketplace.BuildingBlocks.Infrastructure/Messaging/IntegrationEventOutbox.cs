using System.Text.Json;
using Marketplace.BuildingBlocks.Application;
using Marketplace.BuildingBlocks.Infrastructure.Persistence;

namespace Marketplace.BuildingBlocks.Infrastructure.Messaging;

/// <summary>
/// The scoped <see cref="IIntegrationEventPublisher"/>: collects the events a handler publishes, which the unit of work then
/// writes to the outbox of the module that runs the command, in the same transaction as the change.
/// </summary>
public sealed class IntegrationEventOutbox(TimeProvider clock) : IIntegrationEventPublisher
{
    internal static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    private readonly List<IIntegrationEvent> _pending = [];

    public void Publish(IIntegrationEvent integrationEvent)
    {
        ArgumentNullException.ThrowIfNull(integrationEvent);
        _pending.Add(integrationEvent);
    }

    /// <summary>Moves the pending events into the context's outbox (saved with its next SaveChanges); returns how many.</summary>
    public int FlushInto(ModuleDbContext context)
    {
        var count = _pending.Count;
        foreach (var integrationEvent in _pending)
        {
            var type = integrationEvent.GetType();
            context.OutboxMessages.Add(new OutboxMessage
            {
                Id = integrationEvent.EventId,
                Type = EventTypeName.Of(type),
                Payload = JsonSerializer.Serialize(integrationEvent, type, Json),
                OccurredAt = integrationEvent.OccurredAt == default ? clock.GetUtcNow() : integrationEvent.OccurredAt,
            });
        }

        _pending.Clear();
        return count;
    }

    public void Discard() => _pending.Clear();
}

/// <summary>The stable name an event type is stored under in the outbox, and back.</summary>
public static class EventTypeName
{
    public static string Of(Type type) => $"{type.FullName}, {type.Assembly.GetName().Name}";

    public static Type Resolve(string name) =>
        TryResolve(name) ?? throw new InvalidOperationException($"Unknown integration event type '{name}'.");

    public static Type? TryResolve(string name) =>
        Type.GetType(name, throwOnError: false) is { } type && typeof(Application.IIntegrationEvent).IsAssignableFrom(type) ? type : null;
}
