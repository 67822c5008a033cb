using Marketplace.BuildingBlocks.Application;
using Marketplace.Identity.Contracts;
using Marketplace.Profiles.Contracts;

namespace Marketplace.Profiles.Application.Profiles.Erase;

/// <summary>
/// An account was deleted: its profile and CV text are erased, and matching is told through <see cref="ProfileRemoved"/>.
/// A user without a profile leaves nothing to tell. The inbox makes a redelivery a no-op; a second run would find nothing.
/// </summary>
public sealed class EraseDeletedSeeker(IProfileRepository profiles, IIntegrationEventPublisher events, TimeProvider clock)
    : IIntegrationEventHandler<UserDeleted>
{
    public async Task HandleAsync(UserDeleted integrationEvent, CancellationToken cancellationToken)
    {
        if (await profiles.DeleteAsync(integrationEvent.UserId, cancellationToken) is { } lastRevision)
        {
            var now = clock.GetUtcNow();
            events.Publish(new ProfileRemoved(Guid.CreateVersion7(now), now, integrationEvent.UserId, lastRevision + 1));
        }
    }
}
