namespace Marketplace.BuildingBlocks.Infrastructure.Persistence;

/// <summary>An integration event waiting in its module's outbox; written in the transaction of the change that raised it.</summary>
public sealed class OutboxMessage
{
    public Guid Id { get; init; }
    public required string Type { get; init; }
    public required string Payload { get; init; }
    public DateTimeOffset OccurredAt { get; init; }
    public DateTimeOffset? RelayedAt { get; set; }
}

/// <summary>One handler's receipt of one event, in the receiving module's schema: its presence makes a redelivery a no-op.</summary>
public sealed class InboxMessage
{
    public Guid EventId { get; init; }
    public required string Handler { get; init; }
    public DateTimeOffset ProcessedAt { get; init; }
}
