using System.Text.Json;
using System.Text.Json.Serialization;
using Marketplace.Skills.Scoring;
using Marketplace.Skills.Taxonomy;

namespace Marketplace.Cli.Commands;

/// <summary>The profile file's JSON shape (docs/cli.md).</summary>
public sealed record ProfileJson(string? Id, string? Seniority, List<ProfileSkillJson?>? Skills, PreferencesJson? Preferences);

public sealed record ProfileSkillJson(string? Skill, int? Level, double? Years);

public sealed record PreferencesJson(string? Remote, string? Country, string? City, bool? WillingToRelocate, double? MinSalary);

/// <summary>The posting file's JSON shape (docs/cli.md).</summary>
public sealed record PostingJson(
    string? Id, List<RequirementJson?>? Required, List<RequirementJson?>? NiceToHave, string? Seniority, string? WorkMode,
    string? Country, string? City, SalaryJson? Salary);

public sealed record RequirementJson(string? Skill, int? MinLevel, double? Weight);

public sealed record SalaryJson(double? Min, double? Max);

/// <summary>Reads profile and posting files into the engine's records, collecting every problem with its JSON path.</summary>
internal static class MatchJson
{
    public static readonly JsonSerializerOptions Options = new()
    {
        PropertyNameCaseInsensitive = true,
        ReadCommentHandling = JsonCommentHandling.Skip,
        AllowTrailingCommas = true,
        WriteIndented = true,
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
        Converters = { new JsonStringEnumConverter(JsonNamingPolicy.CamelCase) },
    };

    public static T? Read<T>(string path, string what, List<string> errors) where T : class
    {
        string text;
        try { text = File.ReadAllText(path); }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or ArgumentException or NotSupportedException)
        {
            errors.Add($"cannot read the {what} file '{path}': {e.Message}");
            return null;
        }
        try
        {
            var value = JsonSerializer.Deserialize<T>(text, Options);
            if (value is null) errors.Add($"{path}: the {what} file holds null, not a JSON object");
            return value;
        }
        catch (JsonException e)
        {
            errors.Add($"{path}: not a valid {what} JSON file: {e.Message}");
            return null;
        }
    }

    public static Profile? ToProfile(ProfileJson json, SkillTaxonomy taxonomy, string file, List<string> errors)
    {
        int before = errors.Count;
        var skills = new List<ProfileSkill>();
        for (int i = 0; i < (json.Skills?.Count ?? 0); i++)
        {
            var s = json.Skills![i];
            string at = $"{file}: $.skills[{i}]";
            if (s is null) { errors.Add($"{at} is null"); continue; }
            var skill = Resolve(s.Skill, taxonomy, at, errors);
            if (s.Level is not (>= 1 and <= 5)) { errors.Add($"{at}.level must be 1 to 5 (was {s.Level?.ToString() ?? "missing"})"); continue; }
            if (skill is not null) skills.Add(new ProfileSkill(skill.Id, s.Level.Value, s.Years));
        }
        var p = json.Preferences;
        var remote = ParseEnum(p?.Remote, RemotePreference.Any, $"{file}: $.preferences.remote", errors,
            ("any", RemotePreference.Any), ("remote", RemotePreference.Remote), ("hybrid", RemotePreference.Hybrid), ("on-site", RemotePreference.OnSite), ("onsite", RemotePreference.OnSite));
        var seniority = ParseSeniority(json.Seniority, $"{file}: $.seniority", errors);
        if (p?.MinSalary is < 0) errors.Add($"{file}: $.preferences.minSalary must not be negative");
        if (errors.Count > before) return null;
        return new Profile(string.IsNullOrWhiteSpace(json.Id) ? "profile" : json.Id, skills, seniority,
            new Preferences(remote, p?.Country, p?.City, p?.WillingToRelocate ?? false, p?.MinSalary));
    }

    public static Posting? ToPosting(PostingJson json, SkillTaxonomy taxonomy, string file, List<string> errors)
    {
        int before = errors.Count;
        var required = Requirements(json.Required, "required", taxonomy, file, errors);
        var nice = Requirements(json.NiceToHave, "niceToHave", taxonomy, file, errors);
        var mode = ParseEnum(json.WorkMode, WorkMode.Remote, $"{file}: $.workMode", errors,
            ("remote", WorkMode.Remote), ("hybrid", WorkMode.Hybrid), ("on-site", WorkMode.OnSite), ("onsite", WorkMode.OnSite));
        var seniority = ParseSeniority(json.Seniority, $"{file}: $.seniority", errors);
        if (json.Salary is { Min: { } min, Max: { } max } && min > max) errors.Add($"{file}: $.salary.min ({min}) is above $.salary.max ({max})");
        if (errors.Count > before) return null;
        return new Posting(string.IsNullOrWhiteSpace(json.Id) ? "posting" : json.Id, required, nice, seniority, mode, json.Country, json.City,
            json.Salary is null ? null : new SalaryRange(json.Salary.Min, json.Salary.Max));
    }

    private static List<SkillRequirement> Requirements(List<RequirementJson?>? list, string name, SkillTaxonomy taxonomy, string file, List<string> errors)
    {
        var result = new List<SkillRequirement>();
        for (int i = 0; i < (list?.Count ?? 0); i++)
        {
            var r = list![i];
            string at = $"{file}: $.{name}[{i}]";
            if (r is null) { errors.Add($"{at} is null"); continue; }
            var skill = Resolve(r.Skill, taxonomy, at, errors);
            int level = r.MinLevel ?? 3;
            double weight = r.Weight ?? 1;
            if (level is < 1 or > 5) { errors.Add($"{at}.minLevel must be 1 to 5 (was {level})"); continue; }
            if (!(weight > 0) || double.IsInfinity(weight)) { errors.Add($"{at}.weight must be positive (was {weight})"); continue; }
            if (skill is not null) result.Add(new SkillRequirement(skill.Id, level, weight));
        }
        return result;
    }

    // A skill is given by its id or by any mention the normalizer knows ("C#", "postgres", "Java 17").
    private static Skill? Resolve(string? mention, SkillTaxonomy taxonomy, string at, List<string> errors)
    {
        if (string.IsNullOrWhiteSpace(mention)) { errors.Add($"{at}.skill is missing"); return null; }
        if (taxonomy.Find(mention) is { } byId) return byId;
        var skills = taxonomy.Normalize(mention);
        if (skills.Count == 0) errors.Add($"{at}.skill '{mention}' is not a known skill");
        else if (skills.Count > 1) errors.Add($"{at}.skill '{mention}' names several skills ({string.Join(", ", skills.Select(s => s.Id))}); give one per entry");
        return skills.Count == 1 ? skills[0] : null;
    }

    private static Seniority? ParseSeniority(string? value, string at, List<string> errors) =>
        value is null ? null : ParseEnum<Seniority?>(value, null, at, errors,
            ("junior", Seniority.Junior), ("mid", Seniority.Mid), ("senior", Seniority.Senior), ("lead", Seniority.Lead));

    private static T ParseEnum<T>(string? value, T fallback, string at, List<string> errors, params (string Name, T Value)[] names)
    {
        if (value is null) return fallback;
        foreach (var (name, v) in names)
            if (string.Equals(name, value.Trim(), StringComparison.OrdinalIgnoreCase)) return v;
        errors.Add($"{at} must be one of {string.Join(", ", names.Select(n => n.Name))} (was '{value}')");
        return fallback;
    }
}
