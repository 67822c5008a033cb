namespace Marketplace.Skills.Scoring;

/// <summary>How senior a person is or a posting asks for.</summary>
public enum Seniority
{
    Junior = 1,
    Mid = 2,
    Senior = 3,
    Lead = 4,
}

/// <summary>Where a posting's work happens.</summary>
public enum WorkMode
{
    Remote,
    Hybrid,
    OnSite,
}

/// <summary>The work mode a seeker prefers; <see cref="Any"/> accepts all.</summary>
public enum RemotePreference
{
    Any,
    Remote,
    Hybrid,
    OnSite,
}

/// <summary>A skill a profile has, at a level from 1 (beginner) to 5 (expert), with optional years of use (shown, not scored).</summary>
public sealed record ProfileSkill(string SkillId, int Level, double? Years = null);

/// <summary>A seeker's preferences: work mode, where they live, whether they would relocate, and the least yearly salary they accept.</summary>
public sealed record Preferences(
    RemotePreference Remote = RemotePreference.Any,
    string? Country = null,
    string? City = null,
    bool WillingToRelocate = false,
    double? MinSalary = null);

/// <summary>A seeker's profile as the engine sees it; skills are canonical taxonomy ids.</summary>
public sealed record Profile(string Id, IReadOnlyList<ProfileSkill> Skills, Seniority? Seniority = null, Preferences? Preferences = null)
{
    /// <summary>This profile after learning the given skills: each is added, or raised to its level when the profile has it lower
    /// (a skill is never lowered), as a completed course does; what the gap plan's projected scores assume.</summary>
    public Profile WithSkills(IEnumerable<ProfileSkill> learned)
    {
        var skills = new List<ProfileSkill>(Skills ?? []);
        foreach (var skill in learned)
        {
            int at = skills.FindIndex(s => s.SkillId == skill.SkillId);
            if (at < 0) skills.Add(skill);
            else if (skill.Level > skills[at].Level) skills[at] = skills[at] with { Level = skill.Level };
        }
        return this with { Skills = skills };
    }
}

/// <summary>A skill a posting asks for: the least level that earns full credit (1 to 5) and a positive weight; a required skill
/// marked <see cref="Dealbreaker"/> excludes every profile that lacks it at that level (directly or by implication).</summary>
public sealed record SkillRequirement(string SkillId, int MinLevel = 3, double Weight = 1.0, bool Dealbreaker = false);

/// <summary>A yearly salary range; either end may be unknown.</summary>
public sealed record SalaryRange(double? Min, double? Max);

/// <summary>A job posting as the engine sees it; skills are canonical taxonomy ids.</summary>
public sealed record Posting(
    string Id,
    IReadOnlyList<SkillRequirement> Required,
    IReadOnlyList<SkillRequirement> NiceToHave,
    Seniority? Seniority = null,
    WorkMode WorkMode = WorkMode.Remote,
    string? Country = null,
    string? City = null,
    SalaryRange? Salary = null);
