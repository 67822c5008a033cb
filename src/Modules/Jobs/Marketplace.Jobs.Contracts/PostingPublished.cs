using Marketplace.BuildingBlocks.Application;

namespace Marketplace.Jobs.Contracts;

/// <summary>An employer published a posting; skills are canonical skill ids.</summary>
[IntegrationEvent("jobs.posting-published")]
public sealed record PostingPublished(
    Guid EventId,
    DateTimeOffset OccurredAt,
    Guid PostingId,
    string Title,
    string Company,
    IReadOnlyList<string> RequiredSkillIds,
    IReadOnlyList<string> NiceToHaveSkillIds) : IIntegrationEvent;
