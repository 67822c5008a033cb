using Marketplace.Skills.Taxonomy;

namespace Marketplace.Skills.Scoring;

/// <summary>A posting resolved against a taxonomy: requirement arrays by skill index, ready for scoring.</summary>
internal sealed class CompiledPosting
{
    public CompiledPosting(Posting posting, SkillTaxonomy taxonomy)
    {
        Source = posting;
        Required = Compile(posting.Required, taxonomy, posting.Id, "required");
        Nice = Compile(posting.NiceToHave, taxonomy, posting.Id, "nice-to-have");
        RequiredWeight = Total(Required);
        NiceWeight = Total(Nice);
        foreach (var r in Required) if (r.Dealbreaker) Dealbreakers++;
        Seniority = posting.Seniority;
        Mode = posting.WorkMode;
        Country = CountryKey(posting.Country);
        SalaryMax = posting.Salary?.Max;
        if (SalaryMax is { } max && !double.IsFinite(max)) throw new ArgumentException($"posting '{posting.Id}': the salary's maximum must be a number");
    }

    public Posting Source { get; }
    public Requirement[] Required { get; }
    public Requirement[] Nice { get; }
    public double RequiredWeight { get; }
    public double NiceWeight { get; }
    public int Dealbreakers { get; }
    public Seniority? Seniority { get; }
    public WorkMode Mode { get; }
    public string? Country { get; }
    public double? SalaryMax { get; }

    internal static string? CountryKey(string? country) => string.IsNullOrWhiteSpace(country) ? null : country.Trim().ToUpperInvariant();

    private static double Total(Requirement[] requirements)
    {
        double total = 0;
        foreach (var r in requirements) total += r.Weight;
        return total;
    }

    private static Requirement[] Compile(IReadOnlyList<SkillRequirement>? list, SkillTaxonomy taxonomy, string postingId, string kind)
    {
        if (list is null) return [];
        var result = new Requirement[list.Count];
        for (int i = 0; i < list.Count; i++)
        {
            var r = list[i];
            if (!taxonomy.TryGet(r.SkillId, out var skill))
                throw new ArgumentException($"posting '{postingId}': {kind} skill '{r.SkillId}' is not a skill id of the taxonomy");
            if (r.MinLevel is < 1 or > 5) throw new ArgumentException($"posting '{postingId}': {kind} skill '{r.SkillId}' has minLevel {r.MinLevel}, outside 1..5");
            if (!(r.Weight > 0) || double.IsInfinity(r.Weight)) throw new ArgumentException($"posting '{postingId}': {kind} skill '{r.SkillId}' has weight {r.Weight}; it must be positive");
            if (r.Dealbreaker && kind != "required") throw new ArgumentException($"posting '{postingId}': {kind} skill '{r.SkillId}' is marked a dealbreaker; only required skills can be");
            result[i] = new Requirement(skill.Index, r.MinLevel, r.Weight, taxonomy.CreditSourcesArray(skill.Index), r.Dealbreaker);
        }
        return result;
    }
}

internal readonly record struct Requirement(int Skill, int MinLevel, double Weight, CreditSource[] Sources, bool Dealbreaker);

/// <summary>A profile resolved against a taxonomy: the best level per skill index.</summary>
internal sealed class CompiledProfile
{
    public CompiledProfile(Profile profile, SkillTaxonomy taxonomy)
    {
        Source = profile;
        foreach (var (skill, level) in ResolveSkills(profile, taxonomy)) Levels[skill] = level;
        var p = profile.Preferences ?? new Preferences();
        Seniority = profile.Seniority;
        Remote = p.Remote;
        Country = CompiledPosting.CountryKey(p.Country);
        WillingToRelocate = p.WillingToRelocate;
        MinSalary = ValidMinSalary(profile);
    }

    internal static double? ValidMinSalary(Profile profile) =>
        profile.Preferences?.MinSalary is { } min && !double.IsFinite(min)
            ? throw new ArgumentException($"profile '{profile.Id}': the minimum salary must be a number")
            : profile.Preferences?.MinSalary;

    /// <summary>The profile's skills as (skill index, best level), sorted by index; throws on an unknown skill or a level outside 1..5.</summary>
    internal static (int Skill, int Level)[] ResolveSkills(Profile profile, SkillTaxonomy taxonomy)
    {
        var skills = profile.Skills ?? [];
        var resolved = new (int Skill, int Level)[skills.Count];
        for (int i = 0; i < skills.Count; i++)
        {
            var s = skills[i];
            if (!taxonomy.TryGet(s.SkillId, out var skill))
                throw new ArgumentException($"profile '{profile.Id}': skill '{s.SkillId}' is not a skill id of the taxonomy");
            if (s.Level is < 1 or > 5) throw new ArgumentException($"profile '{profile.Id}': skill '{s.SkillId}' has level {s.Level}, outside 1..5");
            resolved[i] = (skill.Index, s.Level);
        }
        Array.Sort(resolved);
        int kept = 0;
        foreach (var (skill, level) in resolved)
        {
            // Sorted by (skill, level): the last of a skill's entries has its best level.
            if (kept > 0 && resolved[kept - 1].Skill == skill) resolved[kept - 1] = (skill, level);
            else resolved[kept++] = (skill, level);
        }
        return kept == resolved.Length ? resolved : resolved[..kept];
    }

    public Profile Source { get; }
    public Dictionary<int, int> Levels { get; } = [];
    public Seniority? Seniority { get; }
    public RemotePreference Remote { get; }
    public string? Country { get; }
    public bool WillingToRelocate { get; }
    public double? MinSalary { get; }
}
