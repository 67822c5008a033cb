namespace Marketplace.Profiles.Domain.Profiles;

/// <summary>Where a skill on a profile came from; a course's mark can be undone (the courses issue sends completions).</summary>
public enum SkillSource
{
    Manual,
    CvImport,
    Course,
}

/// <summary>
/// A skill on a profile: a canonical taxonomy id, or, when the taxonomy does not know what the seeker wrote, the mention
/// as written ("unrecognised", kept on the profile and reported to the taxonomy admins' queue, never dropped). Immutable: the profile
/// replaces an entry to change it.
/// </summary>
public sealed record ProfileSkill
{
    public const int MaxMentionLength = 100;
    public const decimal MaxYears = 60;
    public const int EarliestYear = 1950;

    /// <summary>The canonical skill id, or null for an unrecognised mention.</summary>
    public string? SkillId { get; init; }

    /// <summary>What the seeker typed or the CV said ("postgres", "C Sharp"); the whole entry when unrecognised.</summary>
    public required string Mention { get; init; }

    public SkillLevel Level { get; init; }

    public decimal? Years { get; init; }

    public int? LastUsedYear { get; init; }

    public SkillSource Source { get; init; }

    /// <summary>The course (its id and title) that added or raised the skill, when <see cref="Source"/> is Course.</summary>
    public string? SourceId { get; init; }

    public string? SourceName { get; init; }

    /// <summary>The level before a course raised it; null when the course added the skill (undoing removes it then).</summary>
    public SkillLevel? LevelBeforeSource { get; init; }

    public bool IsRecognised => SkillId is not null;

    /// <summary>What makes two entries the same skill: the canonical id, or the mention's folded text when unrecognised.</summary>
    public string Key => SkillId ?? MentionKey(Mention);

    /// <summary>An unrecognised mention folded: trimmed, single spaces, lower case ("Foo  Bar" and "foo bar" are one).</summary>
    public static string MentionKey(string mention) =>
        "?" + string.Join(' ', mention.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries)).ToLowerInvariant();
}

/// <summary>A skill as a seeker states it, before the profile checks and keeps it.</summary>
public sealed record SkillEntry(string? SkillId, string Mention, SkillLevel Level, decimal? Years, int? LastUsedYear);
