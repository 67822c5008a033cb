using Marketplace.BuildingBlocks.Application;

namespace Marketplace.Matching.Contracts;

/// <summary>
/// Matching's projections of profiles or postings changed, up to <see cref="Sequence"/> of its change feed. Matching itself
/// handles it (after the change committed) to store the lists that changed; others may ignore it.
/// </summary>
[IntegrationEvent("matching.match-inputs-changed")]
public sealed record MatchInputsChanged(Guid EventId, DateTimeOffset OccurredAt, long Sequence) : IIntegrationEvent;
