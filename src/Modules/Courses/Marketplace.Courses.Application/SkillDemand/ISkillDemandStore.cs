namespace Marketplace.Courses.Application.SkillDemand;

using SkillDemand = Marketplace.Courses.Domain.SkillDemand.SkillDemand;

/// <summary>Where the per-skill demand counts are kept; implemented by the Courses infrastructure.</summary>
public interface ISkillDemandStore
{
    /// <summary>
    /// Adds one to each skill's count, atomically in the store (concurrent deliveries of different postings asking for the
    /// same skill must not lose counts or fail each other), inside the current unit of work.
    /// </summary>
    Task CountAsync(IReadOnlyCollection<string> requiredSkillIds, IReadOnlyCollection<string> niceToHaveSkillIds, DateTimeOffset at, CancellationToken cancellationToken);

    Task<IReadOnlyList<SkillDemand>> ListAsync(CancellationToken cancellationToken);
}
