using Marketplace.BuildingBlocks.Domain;
using Marketplace.Skills.Scoring;
using Marketplace.Skills.Taxonomy;

namespace Marketplace.Matching.Domain.Projections;

/// <summary>Who may find a profile: nobody, employers where the seeker applied, or every employer's candidate search.</summary>
public enum ProfileVisibility
{
    Private,
    Applications,
    Discoverable,
}

/// <summary>A skill of a projected profile: canonical id, level 1 to 5, years of use.</summary>
public sealed record ProjectedSkill(string SkillId, int Level, double? Years);

/// <summary>
/// What matching knows of a seeker's profile, as the last applied ProfileChanged (or ProfileRemoved) told it. An event is applied
/// only when its revision is above <see cref="Revision"/>, so deliveries out of order never bring back an older state; a removed
/// profile stays as a tombstone with its revision, so a late change cannot bring it back either.
/// </summary>
public sealed class ProfileProjection : Entity<Guid>
{
    private ProfileProjection()
    {
    }

    public ProfileProjection(Guid id, long revision, bool removed, ProfileVisibility visibility, IReadOnlyList<ProjectedSkill> skills, Seniority? seniority,
        RemotePreference remote, string? country, string? city, bool willingToRelocate, double? minYearlySalary)
    {
        Id = id;
        Revision = revision;
        Removed = removed;
        Visibility = visibility;
        Skills = skills;
        Seniority = seniority;
        Remote = remote;
        Country = country;
        City = city;
        WillingToRelocate = willingToRelocate;
        MinYearlySalary = minYearlySalary;
    }

    public static ProfileProjection Tombstone(Guid id, long revision) =>
        new(id, revision, true, ProfileVisibility.Private, [], null, RemotePreference.Any, null, null, false, null);

    public long Revision { get; private set; }

    /// <summary>The change feed's position of the last applied change; set by the store, in commit order.</summary>
    public long Sequence { get; private set; }

    public bool Removed { get; private set; }

    public ProfileVisibility Visibility { get; private set; }

    public IReadOnlyList<ProjectedSkill> Skills { get; private set; } = [];

    public Seniority? Seniority { get; private set; }

    public RemotePreference Remote { get; private set; }

    public string? Country { get; private set; }

    public string? City { get; private set; }

    public bool WillingToRelocate { get; private set; }

    public double? MinYearlySalary { get; private set; }

    /// <summary>True when an event of this revision is newer than what is applied.</summary>
    public static bool Supersedes(long incoming, long? applied) => applied is null || incoming > applied;

    /// <summary>Employers' candidate lists hold discoverable profiles only.</summary>
    public bool IsCandidate => !Removed && Visibility == ProfileVisibility.Discoverable;

    /// <summary>The profile as the engine scores it; skills the taxonomy does not know (it may have lost one) are left out.</summary>
    public Profile ToEngine(SkillTaxonomy taxonomy) => new(
        Id.ToString(),
        [.. Skills.Where(s => taxonomy.TryGet(s.SkillId, out _) && s.Level is >= 1 and <= 5).Select(s => new ProfileSkill(s.SkillId, s.Level, s.Years))],
        Seniority,
        new Preferences(Remote, Country, City, WillingToRelocate, MinYearlySalary));
}
