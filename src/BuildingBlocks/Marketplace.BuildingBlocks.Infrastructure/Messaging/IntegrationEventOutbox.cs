using System.Text.Json;
using Marketplace.BuildingBlocks.Application;
using Marketplace.BuildingBlocks.Infrastructure.Persistence;

namespace Marketplace.BuildingBlocks.Infrastructure.Messaging;

/// <summary>
/// The scoped <see cref="IIntegrationEventPublisher"/>: collects the events a handler publishes, which the unit of work then
/// writes to the outbox of the module that runs the command, in the same transaction as the change.
/// </summary>
public sealed class IntegrationEventOutbox(MessagingNames names, TimeProvider clock) : IIntegrationEventPublisher
{
    internal static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    private readonly List<IIntegrationEvent> _pending = [];

    public void Publish(IIntegrationEvent integrationEvent)
    {
        ArgumentNullException.ThrowIfNull(integrationEvent);
        _pending.Add(integrationEvent);
    }

    public void PublishLatest(IIntegrationEvent integrationEvent)
    {
        ArgumentNullException.ThrowIfNull(integrationEvent);
        _pending.RemoveAll(pending => pending.GetType() == integrationEvent.GetType());
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
                Type = names.NameOf(type),
                Payload = JsonSerializer.Serialize(integrationEvent, type, Json),
                OccurredAt = integrationEvent.OccurredAt == default ? clock.GetUtcNow() : integrationEvent.OccurredAt,
            });
        }

        _pending.Clear();
        return count;
    }

    public void Discard() => _pending.Clear();
}
