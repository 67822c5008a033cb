using Marketplace.BuildingBlocks.Application;
using Marketplace.Matching.Contracts;

namespace Marketplace.Matching.Application.Storing;

/// <summary>Writes the stored lists up to the change feed's position, in bulk; several servers may run it at once.</summary>
public interface IMatchStore
{
    /// <summary>Brings this process's engine up to at least <paramref name="sequence"/> and stores every list that changed since the
    /// stored position, inside the current unit of work; returns how many lists it wrote.</summary>
    Task<int> StoreChangesAsync(long sequence, CancellationToken cancellationToken);
}

/// <summary>
/// The incremental matching: runs (as a Hangfire delivery job) after a projection change committed, and stores the lists it
/// changed. A redelivery finds nothing new to store.
/// </summary>
[IntegrationEventHandler("matching.store-changed-matches")]
public sealed class StoreChangedMatches(IMatchStore store) : IIntegrationEventHandler<MatchInputsChanged>
{
    public Task HandleAsync(MatchInputsChanged integrationEvent, CancellationToken cancellationToken) =>
        store.StoreChangesAsync(integrationEvent.Sequence, cancellationToken);
}
