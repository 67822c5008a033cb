using System.Globalization;
using Marketplace.Skills.Taxonomy;

namespace Marketplace.Skills.Scoring;

/// <summary>Scores a profile against a posting (0 to 100) and explains the score; the reference the indexes must reproduce exactly.</summary>
public sealed class Scorer(SkillTaxonomy taxonomy)
{
    public SkillTaxonomy Taxonomy { get; } = taxonomy;

    /// <summary>The exact score, as a double (the indexes rank by this value).</summary>
    public double Score(Profile profile, Posting posting) =>
        Score(new CompiledProfile(profile, Taxonomy), new CompiledPosting(posting, Taxonomy));

    internal static double Score(CompiledProfile profile, CompiledPosting posting)
    {
        double req = 0;
        foreach (var r in posting.Required) req += r.Weight * Credit(r, profile.Levels).Credit;
        double nice = 0;
        foreach (var r in posting.Nice) nice += r.Weight * Credit(r, profile.Levels).Credit;
        return MatchingModel.Combine(req, posting.RequiredWeight, nice, posting.NiceWeight, NonSkill(profile, posting));
    }

    /// <summary>True when the profile fails one of the posting's dealbreakers: it is then no candidate for the posting, nor the
    /// posting a match for the profile, whatever the score.</summary>
    public bool Excludes(Profile profile, Posting posting) =>
        !MeetsDealbreakers(new CompiledProfile(profile, Taxonomy), new CompiledPosting(posting, Taxonomy));

    internal static bool MeetsDealbreakers(CompiledProfile profile, CompiledPosting posting)
    {
        if (posting.Dealbreakers == 0) return true;
        foreach (var r in posting.Required)
            if (r.Dealbreaker && !Meets(r, profile.Levels)) return false;
        return true;
    }

    // A dealbreaker is met by the skill itself, or a skill implying it, at the minimum level or above; a related skill never meets it.
    internal static bool Meets(Requirement r, Dictionary<int, int> levels)
    {
        foreach (var source in r.Sources)
            if (source.Kind != CreditKind.Related && levels.TryGetValue(source.SkillIndex, out int level) && level >= r.MinLevel) return true;
        return false;
    }

    internal static double NonSkill(CompiledProfile profile, CompiledPosting posting) =>
        MatchingModel.NonSkill(
            MatchingModel.SeniorityFit(profile.Seniority, posting.Seniority),
            MatchingModel.ModeFit(profile.Remote, posting.Mode),
            MatchingModel.CountryFit(profile.Country is null || posting.Country is null || profile.Country == posting.Country, profile.WillingToRelocate, posting.Mode),
            MatchingModel.SalaryFit(posting.SalaryMax, profile.MinSalary));

    // The best source wins; on equal credit the first in the taxonomy's order (direct, then by coefficient).
    internal static (double Credit, CreditSource? Source, int Level) Credit(Requirement r, Dictionary<int, int> levels)
    {
        double best = 0;
        CreditSource? winner = null;
        int winnerLevel = 0;
        foreach (var source in r.Sources)
        {
            if (!levels.TryGetValue(source.SkillIndex, out int level)) continue;
            double credit = source.Coefficient * MatchingModel.LevelFactor(level, r.MinLevel);
            if (credit > best) { best = credit; winner = source; winnerLevel = level; }
        }
        return (best, winner, winnerLevel);
    }

    /// <summary>The score and its full explanation.</summary>
    public MatchExplanation Explain(Profile profile, Posting posting)
    {
        var p = new CompiledProfile(profile, Taxonomy);
        var j = new CompiledPosting(posting, Taxonomy);
        var verdicts = new List<SkillVerdict>();
        double req = 0, nice = 0;
        foreach (var r in j.Required)
        {
            var v = Verdict(r, p, true, MatchingModel.RequiredPoints / j.RequiredWeight);
            req += r.Weight * v.Credit;
            verdicts.Add(v);
        }
        foreach (var r in j.Nice)
        {
            var v = Verdict(r, p, false, MatchingModel.NiceToHavePoints / j.NiceWeight);
            nice += r.Weight * v.Credit;
            verdicts.Add(v);
        }

        var hard = new List<string>();
        double seniority = MatchingModel.SeniorityFit(p.Seniority, j.Seniority);
        double mode = MatchingModel.ModeFit(p.Remote, j.Mode);
        bool sameCountry = p.Country is null || j.Country is null || p.Country == j.Country;
        double country = MatchingModel.CountryFit(sameCountry, p.WillingToRelocate, j.Mode);
        double salary = MatchingModel.SalaryFit(j.SalaryMax, p.MinSalary);
        if (country == 0) hard.Add($"{Mode(j.Mode)} in {j.Country}, the seeker lives in {p.Country} and will not relocate");
        if (salary == 0) hard.Add($"the salary tops out at {Money(j.SalaryMax)}, below the seeker's minimum of {Money(p.MinSalary)}");
        if (mode == 0) hard.Add($"the posting is {Mode(j.Mode)}, the seeker wants remote work only");

        int matched = verdicts.Count(v => v.Required && v.Kind == SkillMatchKind.Matched);
        var parts = new List<ScorePart>
        {
            new("Required skills", MatchingModel.RequiredPart(req, j.RequiredWeight), MatchingModel.RequiredPoints,
                j.Required.Length == 0 ? "the posting requires no skill" : $"{matched} of {j.Required.Length} required skills fully matched; weighted credit {F(j.RequiredWeight > 0 ? req / j.RequiredWeight : 1)}"),
            new("Nice-to-have skills", MatchingModel.NicePart(nice, j.NiceWeight), MatchingModel.NiceToHavePoints,
                j.Nice.Length == 0 ? "the posting lists no nice-to-have skill" : $"weighted credit {F(nice / j.NiceWeight)}"),
            new("Seniority", MatchingModel.SeniorityPoints * seniority, MatchingModel.SeniorityPoints, SeniorityReason(p.Seniority, j.Seniority, seniority)),
            new("Location and work mode", MatchingModel.LocationPoints * (mode * country), MatchingModel.LocationPoints,
                $"{Mode(j.Mode)} posting{(j.Country is null ? "" : " in " + j.Country)}; seeker prefers {p.Remote.ToString().ToLowerInvariant()}{(p.Country is null ? "" : ", lives in " + p.Country)}{(p.WillingToRelocate ? ", would relocate" : "")} (mode fit {F(mode)}, country fit {F(country)})"),
            new("Salary", MatchingModel.SalaryPoints * salary, MatchingModel.SalaryPoints,
                salary == 0.5 ? "salary or minimum unknown" : $"posting up to {Money(j.SalaryMax)}, seeker's minimum {Money(p.MinSalary)}"),
        };
        double score = MatchingModel.Combine(req, j.RequiredWeight, nice, j.NiceWeight, NonSkill(p, j));
        var failed = verdicts.Where(v => v.Excludes).Select(DealbreakerText).ToList();
        return new MatchExplanation(profile.Id, posting.Id, score, parts, verdicts, hard, failed);
    }

    /// <summary>The explanation of the score the profile would reach after learning the given skills (see <see cref="Profile.WithSkills"/>).</summary>
    public MatchExplanation Project(Profile profile, Posting posting, IEnumerable<ProfileSkill> learned) => Explain(profile.WithSkills(learned), posting);

    private static string DealbreakerText(SkillVerdict v) =>
        $"{v.SkillName} is a dealbreaker: level {v.MinLevel} or above is required (or a skill that implies it); " + v.Kind switch
        {
            SkillMatchKind.Missing => "the profile does not have it",
            SkillMatchKind.Related => $"the profile has only the related {v.ViaSkillName}",
            SkillMatchKind.Inferred => $"the profile has it only through {v.ViaSkillName} at level {v.Level}",
            _ => $"the profile has it at level {v.Level}",
        };

    private SkillVerdict Verdict(Requirement r, CompiledProfile p, bool required, double pointsPerWeight)
    {
        var skill = Taxonomy[r.Skill];
        var (credit, source, level) = Credit(r, p.Levels);
        double points = pointsPerWeight * r.Weight * credit;
        string head = $"{skill.Name} ({(required ? "required" : "nice to have")}{(r.Dealbreaker ? ", dealbreaker" : "")}, level {r.MinLevel}+, weight {F(r.Weight)})";
        bool excludes = r.Dealbreaker && !Meets(r, p.Levels);
        string tail = excludes ? "; dealbreaker not met, so not a candidate" : "";
        if (source is not { } s)
            return new SkillVerdict(skill.Id, skill.Name, required, r.MinLevel, r.Weight, SkillMatchKind.Missing, 0, 0, null, null, null, null,
                $"{head}: missing, 0 points{tail}", r.Dealbreaker, excludes);
        var via = Taxonomy[s.SkillIndex];
        var (kind, how) = s.Kind switch
        {
            CreditKind.Direct when level >= r.MinLevel => (SkillMatchKind.Matched, $"matched at level {level}"),
            CreditKind.Direct => (SkillMatchKind.BelowLevel, $"below level: has level {level} of {r.MinLevel}"),
            CreditKind.Inferred => (SkillMatchKind.Inferred, $"inferred from {via.Name} (level {level})"),
            _ => (SkillMatchKind.Related, $"related via {via.Name} (level {level}, similarity {F(s.Similarity)})"),
        };
        return new SkillVerdict(skill.Id, skill.Name, required, r.MinLevel, r.Weight, kind, credit, points,
            s.Kind == CreditKind.Direct ? null : via.Id, s.Kind == CreditKind.Direct ? null : via.Name, level,
            s.Kind == CreditKind.Related ? s.Similarity : null, $"{head}: {how}, credit {Credit3(credit)}, {F(points)} points{tail}",
            r.Dealbreaker, excludes);
    }

    private static string SeniorityReason(Seniority? profile, Seniority? posting, double fit) => posting is null
        ? "the posting states no seniority"
        : profile is null ? $"posting asks for {posting.Value.ToString().ToLowerInvariant()}, the seeker's seniority is unknown"
        : $"posting asks for {posting.Value.ToString().ToLowerInvariant()}, seeker is {profile.Value.ToString().ToLowerInvariant()} (fit {F(fit)})";

    private static string Mode(WorkMode mode) => mode switch { WorkMode.OnSite => "on-site", WorkMode.Hybrid => "hybrid", _ => "remote" };

    private static string Money(double? value) => value is null ? "unknown" : value.Value.ToString("#,0", CultureInfo.InvariantCulture);

    private static string Credit3(double value) => value.ToString("0.###", CultureInfo.InvariantCulture);

    internal static string F(double value) => value.ToString("0.##", CultureInfo.InvariantCulture);
}
