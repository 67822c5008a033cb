using Marketplace.BuildingBlocks.Domain;

namespace Marketplace.Courses.Domain.SkillDemand;

/// <summary>How many published postings ask for a skill: what admins look at when they curate the course catalog.</summary>
public sealed class SkillDemand : Entity<string>
{
    private SkillDemand()
    {
    }

    public SkillDemand(string skillId) => Id = skillId;

    public int RequiredCount { get; private set; }
    public int NiceToHaveCount { get; private set; }
    public DateTimeOffset LastSeenAt { get; private set; }

    public void Count(bool required, DateTimeOffset at)
    {
        if (required)
        {
            RequiredCount++;
        }
        else
        {
            NiceToHaveCount++;
        }

        LastSeenAt = at;
    }
}
