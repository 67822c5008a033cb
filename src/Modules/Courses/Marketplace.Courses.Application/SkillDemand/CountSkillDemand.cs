using Marketplace.BuildingBlocks.Application;
using Marketplace.Jobs.Contracts;

namespace Marketplace.Courses.Application.SkillDemand;

/// <summary>
/// Counts each skill a newly published posting asks for. Not idempotent by itself (a second delivery would count twice):
/// the inbox in the delivery makes it run once per event.
/// </summary>
public sealed class CountSkillDemand(ISkillDemandStore store, TimeProvider clock) : IIntegrationEventHandler<PostingPublished>
{
    public async Task HandleAsync(PostingPublished integrationEvent, CancellationToken cancellationToken)
    {
        var required = integrationEvent.RequiredSkillIds.Distinct().ToList();
        var niceToHave = integrationEvent.NiceToHaveSkillIds.Except(required).Distinct().ToList();
        var counters = (await store.GetOrCreateAsync([.. required, .. niceToHave], cancellationToken)).ToDictionary(c => c.Id);
        var now = clock.GetUtcNow();
        foreach (var skill in required)
        {
            counters[skill].Count(required: true, now);
        }

        foreach (var skill in niceToHave)
        {
            counters[skill].Count(required: false, now);
        }
    }
}
