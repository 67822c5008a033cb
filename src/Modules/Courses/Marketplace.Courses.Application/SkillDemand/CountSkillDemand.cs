using Marketplace.BuildingBlocks.Application;
using Marketplace.Jobs.Contracts;

namespace Marketplace.Courses.Application.SkillDemand;

/// <summary>
/// Counts each skill a newly published posting asks for. Not idempotent by itself (a second delivery would count twice):
/// the inbox in the delivery makes it run once per event.
/// </summary>
[IntegrationEventHandler("courses.count-skill-demand")]
public sealed class CountSkillDemand(ISkillDemandStore store, TimeProvider clock) : IIntegrationEventHandler<PostingPublished>
{
    public Task HandleAsync(PostingPublished integrationEvent, CancellationToken cancellationToken)
    {
        var required = integrationEvent.RequiredSkillIds.Distinct().ToList();
        var niceToHave = integrationEvent.NiceToHaveSkillIds.Except(required).Distinct().ToList();
        return store.CountAsync(required, niceToHave, clock.GetUtcNow(), cancellationToken);
    }
}
