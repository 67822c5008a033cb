using System.Text.Json;
using System.Text.Json.Serialization;
using Marketplace.Profiles.Domain.Preferences;
using Marketplace.Profiles.Domain.Profiles;

namespace Marketplace.Profiles.Infrastructure.Persistence;

/// <summary>
/// How a profile's skills and preferences are stored in their jsonb columns: through rows of their own, so the stored
/// shape (names, enums as strings) stays put when the domain's types change. Used by EF Core and the demo's bulk copy.
/// </summary>
internal static class ProfileJson
{
    private static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web)
    {
        Converters = { new JsonStringEnumConverter() },
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    };

    public static string Write(IReadOnlyList<ProfileSkill> skills) =>
        JsonSerializer.Serialize(skills.Select(s => new SkillRow(
            s.SkillId, s.Mention, (int)s.Level, s.Years, s.LastUsedYear, s.Source, s.SourceId, s.SourceName, (int?)s.LevelBeforeSource)), Options);

    public static IReadOnlyList<ProfileSkill> ReadSkills(string json) =>
        [.. (JsonSerializer.Deserialize<List<SkillRow>>(json, Options) ?? []).Select(r => new ProfileSkill
        {
            SkillId = r.SkillId,
            Mention = r.Mention,
            Level = (SkillLevel)r.Level,
            Years = r.Years,
            LastUsedYear = r.LastUsed,
            Source = r.Source,
            SourceId = r.SourceId,
            SourceName = r.SourceName,
            LevelBeforeSource = (SkillLevel?)r.LevelBeforeSource,
        })];

    public static string Write(JobPreferences preferences) =>
        JsonSerializer.Serialize(new PreferencesRow(
            preferences.Seniority,
            [.. preferences.WorkModes],
            [.. preferences.Locations.Select(l => new LocationRow(l.Country, l.City))],
            preferences.WillingToRelocate,
            preferences.MinimumSalary is { } s ? new SalaryRow(s.Amount, s.Currency, s.Period) : null,
            preferences.Visibility), Options);

    public static JobPreferences ReadPreferences(string json) =>
        JsonSerializer.Deserialize<PreferencesRow>(json, Options) is { } row
            ? new JobPreferences
            {
                Seniority = row.Seniority,
                WorkModes = row.WorkModes ?? [],
                Locations = [.. (row.Locations ?? []).Select(l => new PreferredLocation(l.Country, l.City))],
                WillingToRelocate = row.WillingToRelocate,
                MinimumSalary = row.MinimumSalary is { } s ? new SalaryExpectation(s.Amount, s.Currency, s.Period) : null,
                Visibility = row.Visibility,
            }
            : JobPreferences.Default;

    private sealed record SkillRow(
        string? SkillId, string Mention, int Level, decimal? Years, int? LastUsed, SkillSource Source, string? SourceId, string? SourceName, int? LevelBeforeSource);

    private sealed record LocationRow(string Country, string? City);

    private sealed record SalaryRow(decimal Amount, string Currency, PayPeriod Period);

    private sealed record PreferencesRow(
        Seniority? Seniority, List<WorkMode>? WorkModes, List<LocationRow>? Locations, bool WillingToRelocate, SalaryRow? MinimumSalary, ProfileVisibility Visibility);
}
