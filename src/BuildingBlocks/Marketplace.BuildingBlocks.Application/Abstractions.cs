namespace Marketplace.BuildingBlocks.Application;

/// <summary>An event that crosses module boundaries; published through the sending module's outbox.</summary>
public interface IIntegrationEvent
{
    Guid EventId { get; }
    DateTimeOffset OccurredAt { get; }
}

/// <summary>Who is making the current request, as far as any module needs to know.</summary>
public interface ICurrentUser
{
    bool IsAuthenticated { get; }
    Guid? UserId { get; }
    string? Email { get; }
    bool IsInRole(string role);
}

/// <summary>The role names every module may check.</summary>
public static class Roles
{
    public const string JobSeeker = "JobSeeker";
    public const string Employer = "Employer";
    public const string Admin = "Admin";
}

/// <summary>
/// Adds an integration event to the current unit of work's outbox: it is stored in the same transaction as
/// the change that caused it and relayed to the other modules after commit.
/// </summary>
public interface IIntegrationEventPublisher
{
    void Publish(IIntegrationEvent integrationEvent);

    /// <summary>
    /// Publishes an event that says where something stands now (a position, a latest state): an event of the same type
    /// published earlier in this unit of work, and so not stored yet, is dropped for it. A delivery of a batch that moves a
    /// position 500 times then stores one event, not 500.
    /// </summary>
    void PublishLatest(IIntegrationEvent integrationEvent);
}

/// <summary>Handles an integration event from another module. Runs at least once: the inbox makes a redelivery a no-op.</summary>
public interface IIntegrationEventHandler<in TEvent>
    where TEvent : IIntegrationEvent
{
    Task HandleAsync(TEvent integrationEvent, CancellationToken cancellationToken);
}
