using System.Text.RegularExpressions;
using Marketplace.BuildingBlocks.Domain;
using Marketplace.Profiles.Domain.Preferences;

namespace Marketplace.Profiles.Domain.Profiles;

/// <summary>Everything a seeker states on the profile page or through the API, replacing what was there.</summary>
public sealed record ProfileDetails(
    string? DisplayName,
    string? Headline,
    string? Summary,
    IReadOnlyList<SkillEntry> Skills,
    JobPreferences Preferences);

/// <summary>What a CV import changed: skills added and skills whose level, years or last use were updated.</summary>
public sealed record ImportOutcome(int Added, int Updated);

/// <summary>
/// A job seeker's skills profile: who they are in a line and a summary, the skills they have (canonical or
/// unrecognised), and the work they want. Its id is the seeker's user id: one profile per seeker. Every change raises
/// <see cref="Revision"/>, which is also the version a client sends back to change it and the order of its events.
/// </summary>
public sealed partial class SeekerProfile : AggregateRoot<Guid>
{
    public const int MaxDisplayNameLength = 100;
    public const int MaxHeadlineLength = 200;
    public const int MaxSummaryLength = 5_000;
    public const int MaxSkills = 100;

    private SeekerProfile()
    {
    }

    public string? DisplayName { get; private set; }

    /// <summary>One line of Markdown ("Backend engineer, **payments**"), rendered sanitized.</summary>
    public string? Headline { get; private set; }

    /// <summary>Markdown, rendered sanitized.</summary>
    public string? Summary { get; private set; }

    public IReadOnlyList<ProfileSkill> Skills { get; private set; } = [];

    public JobPreferences Preferences { get; private set; } = JobPreferences.Default;

    public long Revision { get; private set; }

    public DateTimeOffset CreatedAt { get; private set; }

    public DateTimeOffset UpdatedAt { get; private set; }

    public IEnumerable<ProfileSkill> RecognisedSkills => Skills.Where(s => s.IsRecognised);

    public IEnumerable<ProfileSkill> UnrecognisedSkills => Skills.Where(s => !s.IsRecognised);

    /// <summary>A new, empty profile for a seeker (revision 0: not stored yet).</summary>
    public static SeekerProfile Start(Guid userId, DateTimeOffset now) => new() { Id = userId, CreatedAt = now, UpdatedAt = now };

    public ProfileSkill? Find(string key) => Skills.FirstOrDefault(s => s.Key == key);

    /// <summary>Replaces what the seeker states; checks every invariant first and changes nothing when one fails.</summary>
    public Result Update(ProfileDetails details, DateTimeOffset now)
    {
        var errors = new List<Error>();
        CheckText(errors, "DisplayName", details.DisplayName, MaxDisplayNameLength, singleLine: true);
        CheckText(errors, "Headline", details.Headline, MaxHeadlineLength, singleLine: true);
        CheckText(errors, "Summary", details.Summary, MaxSummaryLength, singleLine: false);
        var skills = MergeSkills(details.Skills, now, errors);
        errors.AddRange(details.Preferences.Check());
        if (errors.Count > 0)
        {
            return Result.Failure(errors);
        }

        DisplayName = Clean(details.DisplayName);
        Headline = Clean(details.Headline);
        Summary = Clean(details.Summary);
        Skills = skills;
        Preferences = details.Preferences with
        {
            Locations = [.. details.Preferences.Locations.Select(l => l with { City = Clean(l.City) })],
        };
        Touch(now);
        return Result.Success();
    }

    /// <summary>
    /// Adds the skills a seeker confirmed from their CV, and updates the level, years and last use of those already on
    /// the profile when they chose other values; nothing else on the profile changes.
    /// </summary>
    public Result<ImportOutcome> ImportSkills(IReadOnlyList<SkillEntry> confirmed, DateTimeOffset now)
    {
        var errors = new List<Error>();
        var merged = Skills.ToList();
        int added = 0, updated = 0;
        var seen = new HashSet<string>();
        for (var i = 0; i < confirmed.Count; i++)
        {
            var field = $"Skills[{i}]";
            var entry = confirmed[i];
            if (!CheckEntry(errors, field, entry, now))
            {
                continue;
            }

            var candidate = ToSkill(entry, SkillSource.CvImport);
            if (!seen.Add(candidate.Key))
            {
                errors.Add(Error.Validation($"{field}.SkillId", $"'{entry.Mention}' is listed twice."));
                continue;
            }

            var at = merged.FindIndex(s => s.Key == candidate.Key);
            if (at < 0)
            {
                merged.Add(candidate);
                added++;
            }
            else if (Differs(merged[at], candidate))
            {
                merged[at] = Keep(merged[at], candidate);
                updated++;
            }
        }

        if (merged.Count > MaxSkills)
        {
            errors.Add(Error.Validation("Skills", $"A profile holds at most {MaxSkills} skills; remove some before importing more."));
        }

        if (errors.Count > 0)
        {
            return Result<ImportOutcome>.Failure(errors);
        }

        if (added + updated > 0)
        {
            Skills = merged;
            Touch(now);
        }

        return new ImportOutcome(added, updated);
    }

    /// <summary>
    /// A completed course teaches a skill up to a level: the skill is added, or raised when the profile has it lower,
    /// and marked as coming from the course so the seeker can undo it. A skill already at or above the level is left alone.
    /// </summary>
    public Result<bool> ApplyCourseSkill(string courseId, string courseName, string skillId, string skillName, SkillLevel level, DateTimeOffset now)
    {
        if (string.IsNullOrWhiteSpace(courseId) || string.IsNullOrWhiteSpace(courseName) || !SkillIdFormat().IsMatch(skillId) || !Enum.IsDefined(level))
        {
            return Error.Validation("Course", "A course completion names a course, a canonical skill and a level from 1 to 5.");
        }

        var at = Skills.ToList().FindIndex(s => s.SkillId == skillId);
        if (at >= 0 && Skills[at].Level >= level)
        {
            return false;
        }

        if (at < 0 && Skills.Count >= MaxSkills)
        {
            return Error.Validation("Skills", $"A profile holds at most {MaxSkills} skills.");
        }

        var skills = Skills.ToList();
        var marked = new ProfileSkill
        {
            SkillId = skillId,
            Mention = at >= 0 ? skills[at].Mention : skillName,
            Level = level,
            Years = at >= 0 ? skills[at].Years : null,
            LastUsedYear = now.Year,
            Source = SkillSource.Course,
            SourceId = courseId.Trim(),
            SourceName = courseName.Trim(),
            // Undoing a skill two courses raised goes back to the level the seeker had before any course.
            LevelBeforeSource = at < 0 ? null : skills[at].Source == SkillSource.Course ? skills[at].LevelBeforeSource : skills[at].Level,
        };
        if (at >= 0)
        {
            skills[at] = marked;
        }
        else
        {
            skills.Add(marked);
        }

        Skills = skills;
        Touch(now);
        return true;
    }

    /// <summary>Undoes a course's mark on a skill: back to the level before the course, or removed when the course added it.</summary>
    public Result UndoCourseSkill(string skillId, DateTimeOffset now)
    {
        var skills = Skills.ToList();
        var at = skills.FindIndex(s => s.SkillId == skillId);
        if (at < 0 || skills[at].Source != SkillSource.Course)
        {
            return Error.NotFound("course skill", skillId);
        }

        if (skills[at].LevelBeforeSource is { } before)
        {
            skills[at] = skills[at] with { Level = before, Source = SkillSource.Manual, SourceId = null, SourceName = null, LevelBeforeSource = null };
        }
        else
        {
            skills.RemoveAt(at);
        }

        Skills = skills;
        Touch(now);
        return Result.Success();
    }

    private List<ProfileSkill> MergeSkills(IReadOnlyList<SkillEntry> entries, DateTimeOffset now, List<Error> errors)
    {
        var result = new List<ProfileSkill>(entries.Count);
        if (entries.Count > MaxSkills)
        {
            errors.Add(Error.Validation("Skills", $"A profile holds at most {MaxSkills} skills."));
            return result;
        }

        var seen = new Dictionary<string, int>();
        for (var i = 0; i < entries.Count; i++)
        {
            var field = $"Skills[{i}]";
            var entry = entries[i];
            if (!CheckEntry(errors, field, entry, now))
            {
                continue;
            }

            var stated = ToSkill(entry, SkillSource.Manual);
            if (seen.TryGetValue(stated.Key, out var first))
            {
                errors.Add(Error.Validation(entry.SkillId is null ? $"{field}.Name" : $"{field}.SkillId",
                    $"'{entry.Mention}' is the same skill as entry {first + 1}; list each skill once."));
                continue;
            }

            seen[stated.Key] = i;
            // A skill kept as it was keeps where it came from; a level the seeker changed by hand is theirs now.
            result.Add(Find(stated.Key) is { } existing ? Keep(existing, stated) : stated);
        }

        return result;
    }

    private static ProfileSkill Keep(ProfileSkill existing, ProfileSkill stated) =>
        existing.Level == stated.Level
            ? existing with { Years = stated.Years, LastUsedYear = stated.LastUsedYear, Mention = existing.IsRecognised ? existing.Mention : stated.Mention }
            : stated with { Mention = existing.IsRecognised ? existing.Mention : stated.Mention };

    private static bool Differs(ProfileSkill existing, ProfileSkill stated) =>
        existing.Level != stated.Level || existing.Years != stated.Years || existing.LastUsedYear != stated.LastUsedYear;

    private static ProfileSkill ToSkill(SkillEntry entry, SkillSource source) => new()
    {
        SkillId = entry.SkillId,
        Mention = Clean(entry.Mention)!,
        Level = entry.Level,
        Years = entry.Years,
        LastUsedYear = entry.LastUsedYear,
        Source = source,
    };

    private static bool CheckEntry(List<Error> errors, string field, SkillEntry entry, DateTimeOffset now)
    {
        var before = errors.Count;
        if (entry.SkillId is not null && !SkillIdFormat().IsMatch(entry.SkillId))
        {
            errors.Add(Error.Validation($"{field}.SkillId", "A skill id is a canonical id such as 'csharp' or 'postgresql'."));
        }

        if (string.IsNullOrWhiteSpace(entry.Mention) || entry.Mention.Trim().Length > ProfileSkill.MaxMentionLength)
        {
            errors.Add(Error.Validation($"{field}.Name", $"A skill's name has 1 to {ProfileSkill.MaxMentionLength} characters."));
        }

        if (!Enum.IsDefined(entry.Level))
        {
            errors.Add(Error.Validation($"{field}.Level", $"A level runs from {SkillLevels.Min} (aware) to {SkillLevels.Max} (expert)."));
        }

        if (entry.Years is { } years && (years < 0 || years > ProfileSkill.MaxYears || decimal.Round(years, 1) != years))
        {
            errors.Add(Error.Validation($"{field}.Years", $"Years of use run from 0 to {ProfileSkill.MaxYears}, in steps of 0.1."));
        }

        if (entry.LastUsedYear is { } year && (year < ProfileSkill.EarliestYear || year > now.Year))
        {
            errors.Add(Error.Validation($"{field}.LastUsed", $"The year last used runs from {ProfileSkill.EarliestYear} to {now.Year}."));
        }

        return errors.Count == before;
    }

    private static void CheckText(List<Error> errors, string field, string? text, int max, bool singleLine)
    {
        if (text is null)
        {
            return;
        }

        if (text.Trim().Length > max)
        {
            errors.Add(Error.Validation(field, $"At most {max} characters."));
        }
        else if (singleLine && text.Trim().Contains('\n', StringComparison.Ordinal))
        {
            errors.Add(Error.Validation(field, "One line only."));
        }
    }

    private static string? Clean(string? text) => string.IsNullOrWhiteSpace(text) ? null : text.Trim();

    private void Touch(DateTimeOffset now)
    {
        UpdatedAt = now;
        Revision++;
    }

    [GeneratedRegex("^[a-z0-9][a-z0-9.+#-]*$")]
    private static partial Regex SkillIdFormat();
}
