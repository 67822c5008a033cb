using Marketplace.BuildingBlocks.Domain;

namespace Marketplace.Courses.Domain.SkillDemand;

/// <summary>
/// How many published postings ask for a skill: what admins look at when they curate the course catalog.
/// The counts only grow, by atomic increments in the store, so the entity is read, never changed in memory.
/// </summary>
public sealed class SkillDemand : Entity<string>
{
    private SkillDemand()
    {
    }

    public int RequiredCount { get; private set; }
    public int NiceToHaveCount { get; private set; }
    public DateTimeOffset LastSeenAt { get; private set; }
}
