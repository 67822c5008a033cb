using Marketplace.BuildingBlocks.Application;
using Microsoft.Extensions.Logging;

namespace Marketplace.Identity.Infrastructure.Hardening;

/// <summary>
/// Registered only when no outbox publisher is: it logs the event and does not deliver it. Until the building
/// blocks' outbox is composed into the host, identity events (EmployerRegistered, UserDeleted) reach no other module.
/// </summary>
internal sealed partial class UnrelayedIntegrationEventPublisher(ILogger<UnrelayedIntegrationEventPublisher> logger) : IIntegrationEventPublisher
{
    public void Publish(IIntegrationEvent integrationEvent) => LogUnrelayed(logger, integrationEvent.GetType().Name, integrationEvent.EventId);

    [LoggerMessage(Level = LogLevel.Warning, Message = "No outbox is registered: integration event {EventType} {EventId} is not delivered")]
    private static partial void LogUnrelayed(ILogger logger, string eventType, Guid eventId);
}
