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

/// <summary>What the seeker wrote that named no skill when saved, with its level: the taxonomy may learn it later.</summary>
public sealed record ProjectedMention(string Mention, int Level);

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
        RemotePreference remote, string? country, string? city, bool willingToRelocate, double? minYearlySalary, IReadOnlyList<ProjectedMention>? unrecognised = null)
    {
        Unrecognised = unrecognised ?? [];
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

    /// <summary>Mentions no skill matched when the profile was saved; scored as soon as the taxonomy (its overlay) knows them.</summary>
    public IReadOnlyList<ProjectedMention> Unrecognised { get; private set; } = [];

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

    /// <summary>
    /// The profile as the engine scores it, in the taxonomy's terms: an id merged away counts as the skill it was merged into, a
    /// mention the taxonomy has since learnt counts as its skills, and skills the taxonomy does not know are left out.
    /// </summary>
    public Profile ToEngine(SkillTaxonomy taxonomy)
    {
        var skills = new Dictionary<string, ProfileSkill>(StringComparer.Ordinal);
        foreach (var s in Skills)
            if (s.Level is >= 1 and <= 5 && taxonomy.Find(s.SkillId) is { } skill)
                Keep(skills, new ProfileSkill(skill.Id, s.Level, s.Years));
        foreach (var m in Unrecognised)
            if (m.Level is >= 1 and <= 5)
                foreach (var skill in taxonomy.Normalize(m.Mention))
                    Keep(skills, new ProfileSkill(skill.Id, m.Level, null));
        return new Profile(Id.ToString(), [.. skills.Values], Seniority, new Preferences(Remote, Country, City, WillingToRelocate, MinYearlySalary));

        // Two entries of one skill (a merge, a learnt mention): the higher level counts.
        static void Keep(Dictionary<string, ProfileSkill> skills, ProfileSkill skill)
        {
            if (!skills.TryGetValue(skill.SkillId, out var kept) || skill.Level > kept.Level) skills[skill.SkillId] = skill;
        }
    }
}
