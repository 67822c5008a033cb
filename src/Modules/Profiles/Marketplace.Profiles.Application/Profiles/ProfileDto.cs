using Marketplace.Profiles.Application.Taxonomy;
using Marketplace.Profiles.Domain.Cv;
using Marketplace.Profiles.Domain.Preferences;
using Marketplace.Profiles.Domain.Profiles;

namespace Marketplace.Profiles.Application.Profiles;

/// <summary>
/// A skill as the seeker and the API see it. <see cref="Name"/> is the canonical name (the mention as written when the
/// taxonomy did not recognise it); <see cref="Source"/> is Manual, CvImport or Course.
/// </summary>
public sealed record SkillDto(
    string? SkillId,
    string Name,
    string Mention,
    string? Category,
    bool Recognised,
    int Level,
    string LevelName,
    string LevelMeaning,
    decimal? Years,
    int? LastUsed,
    string Source,
    string? SourceName);

public sealed record LocationDto(string Country, string CountryName, string? City);

public sealed record SalaryDto(decimal Amount, string Currency, string Period);

public sealed record PreferencesDto(
    string? Seniority,
    IReadOnlyList<string> WorkModes,
    IReadOnlyList<LocationDto> Locations,
    bool WillingToRelocate,
    SalaryDto? MinimumSalary,
    string Visibility);

public sealed record CompletenessStepDto(string Key, string Title, string Why, int Weight, bool Done);

public sealed record CompletenessDto(int Percent, IReadOnlyList<CompletenessStepDto> Steps, CompletenessStepDto? Next);

public sealed record CvSummaryDto(string? FileName, string Format, DateTimeOffset ImportedAt, int Characters);

/// <summary>The seeker's own profile; send <see cref="Version"/> back to change it (0 while there is none yet).</summary>
public sealed record MyProfileDto(
    long Version,
    bool Exists,
    string? DisplayName,
    string? Headline,
    string? Summary,
    IReadOnlyList<SkillDto> Skills,
    PreferencesDto Preferences,
    CompletenessDto Completeness,
    CvSummaryDto? Cv,
    DateTimeOffset? UpdatedAt)
{
    public static MyProfileDto From(SeekerProfile? profile, CvDocument? cv, ITaxonomy taxonomy)
    {
        var completeness = ProfileCompleteness.Of(profile);
        var preferences = profile?.Preferences ?? JobPreferences.Default;
        return new MyProfileDto(
            profile?.Revision ?? 0,
            profile is not null,
            profile?.DisplayName,
            profile?.Headline,
            profile?.Summary,
            SkillsOf(profile, taxonomy),
            new PreferencesDto(
                preferences.Seniority?.ToString(),
                [.. preferences.WorkModes.Select(m => m.ToString())],
                [.. preferences.Locations.Select(l => new LocationDto(l.Country, Countries.NameOf(l.Country), l.City))],
                preferences.WillingToRelocate,
                preferences.MinimumSalary is { } s ? new SalaryDto(s.Amount, s.Currency, s.Period.ToString()) : null,
                preferences.Visibility.ToString()),
            new CompletenessDto(completeness.Percent, [.. completeness.Steps.Select(ToDto)], completeness.Next is { } next ? ToDto(next) : null),
            cv is null ? null : new CvSummaryDto(cv.FileName, cv.Format.ToString(), cv.ImportedAt, cv.Text.Length),
            profile?.UpdatedAt);
    }

    private static List<SkillDto> SkillsOf(SeekerProfile? profile, ITaxonomy taxonomy)
    {
        var skills = profile?.Skills ?? [];
        var ids = skills.Where(s => s.IsRecognised).Select(s => s.SkillId!).ToHashSet(StringComparer.Ordinal);
        return [.. skills.Select(s => ToDto(s, taxonomy, ids))];
    }

    // A mention stored unrecognised shows as the skill once the admins teach the taxonomy its name (an alias), unless that skill
    // is already on the profile; the stored entry takes the id the next time the seeker saves.
    private static SkillDto ToDto(ProfileSkill skill, ITaxonomy taxonomy, IReadOnlySet<string> idsOnProfile)
    {
        var known = skill.SkillId is { } id ? taxonomy.Find(id)
            : taxonomy.Resolve(skill.Mention) is [{ Skill: { } learnt }] && !idsOnProfile.Contains(learnt.Id) ? learnt : null;
        return new SkillDto(
            skill.SkillId ?? known?.Id,
            known?.Name ?? (skill.IsRecognised ? skill.SkillId! : skill.Mention),
            skill.Mention,
            known?.Category,
            known is not null || skill.IsRecognised,
            (int)skill.Level,
            skill.Level.ToString(),
            SkillLevels.Describe(skill.Level),
            skill.Years,
            skill.LastUsedYear,
            skill.Source.ToString(),
            skill.SourceName);
    }

    private static CompletenessStepDto ToDto(CompletenessStep step) => new(step.Key, step.Title, step.Why, step.Weight, step.Done);
}
