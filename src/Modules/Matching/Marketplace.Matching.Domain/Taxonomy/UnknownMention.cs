namespace Marketplace.Matching.Domain.Taxonomy;

/// <summary>Where an unknown mention was seen: a seeker's profile (typed or from a CV), a posting, a search or a course import.</summary>
public enum MentionSource
{
    Profile,
    Posting,
    Search,
    CourseImport,
}

/// <summary>How an admin settled a queued mention.</summary>
public enum MentionResolution
{
    Alias,
    NewSkill,
    NotASkill,
}

/// <summary>
/// A mention that normalized to no skill, as the admins' queue ranks it: by key (<see cref="Marketplace.Skills.Text.Tokenizer.Key"/>),
/// with how many distinct places mentioned it. Each place counts once however often it is reported (at-least-once delivery).
/// </summary>
public sealed class UnknownMention
{
    public const int MaxKeyLength = 100;

    private UnknownMention()
    {
    }

    public string Key { get; private set; } = "";

    /// <summary>The mention as last written somewhere.</summary>
    public string Text { get; private set; } = "";

    public int Sightings { get; private set; }

    public DateTimeOffset FirstSeenAt { get; private set; }

    public DateTimeOffset LastSeenAt { get; private set; }

    public MentionResolution? Resolution { get; private set; }

    /// <summary>The skill it became (an alias of, or the new skill's id).</summary>
    public string? ResolvedSkillId { get; private set; }

    public string? ResolvedBy { get; private set; }

    public DateTimeOffset? ResolvedAt { get; private set; }

    public void Resolve(MentionResolution resolution, string? skillId, string by, DateTimeOffset at)
    {
        Resolution = resolution;
        ResolvedSkillId = skillId;
        ResolvedBy = by;
        ResolvedAt = at;
    }
}

/// <summary>One place that mentioned an unknown mention, and how it was written there (the queue's examples).</summary>
public sealed class MentionSighting
{
    public const int MaxSourceIdLength = 100;

    private MentionSighting()
    {
    }

    public string Key { get; private set; } = "";

    public MentionSource Source { get; private set; }

    public string SourceId { get; private set; } = "";

    public string Text { get; private set; } = "";

    public DateTimeOffset SeenAt { get; private set; }
}
