namespace Marketplace.Courses.Application.SkillDemand;

using SkillDemand = Marketplace.Courses.Domain.SkillDemand.SkillDemand;

/// <summary>Where the per-skill demand counts are kept; implemented by the Courses infrastructure.</summary>
public interface ISkillDemandStore
{
    /// <summary>Loads the counters of these skills, creating the missing ones; they are saved with the unit of work.</summary>
    Task<IReadOnlyList<SkillDemand>> GetOrCreateAsync(IReadOnlyCollection<string> skillIds, CancellationToken cancellationToken);

    Task<IReadOnlyList<SkillDemand>> ListAsync(CancellationToken cancellationToken);
}
