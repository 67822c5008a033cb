using Marketplace.BuildingBlocks.Application;
using Marketplace.Jobs.Contracts;

namespace Marketplace.Courses.Application.SkillDemand;

/// <summary>
/// Counts each skill a newly published posting asks for, on the day it was published. Not idempotent by itself (a second
/// delivery would count twice): the inbox in the delivery makes it run once per event.
/// </summary>
[IntegrationEventHandler("courses.count-skill-demand")]
public sealed class CountSkillDemand(ISkillDemandStore store) : IIntegrationEventHandler<PostingPublished>
{
    public Task HandleAsync(PostingPublished integrationEvent, CancellationToken cancellationToken)
    {
        var skills = integrationEvent.Posting.Skills;
        var required = skills.Where(s => s.Required).Select(s => s.SkillId).Distinct().ToList();
        var niceToHave = skills.Where(s => !s.Required).Select(s => s.SkillId).Except(required).Distinct().ToList();
        return store.CountAsync(required, niceToHave, integrationEvent.Posting.PublishedAt ?? integrationEvent.OccurredAt, cancellationToken);
    }
}
