namespace Marketplace.Courses.Domain.SkillDemand;

/// <summary>
/// How many postings published on one day (UTC) asked for a skill, so demand can be read for a recent period. Counts only
/// grow, by atomic increments in the store; the entity is read, never changed in memory.
/// </summary>
public sealed class DailySkillDemand
{
    private DailySkillDemand()
    {
    }

    public string SkillId { get; private set; } = "";
    public DateOnly Day { get; private set; }
    public int RequiredCount { get; private set; }
    public int NiceToHaveCount { get; private set; }
}
