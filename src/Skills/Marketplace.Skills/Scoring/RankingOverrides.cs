namespace Marketplace.Skills.Scoring;

/// <summary>An employer's own ranking of a posting's candidates: skill weights that override the posting's (0 leaves a skill out of
/// the ranking) and, when given, the dealbreakers that replace the posting's.</summary>
/// <remarks>The overridden posting is an ordinary posting, so <c>ProfileIndex.TopK(overrides.ApplyTo(posting), k)</c> is the exact
/// re-ranked top-k at the cost of one query, and <see cref="Scorer.Explain"/> explains it the same way.</remarks>
public sealed record RankingOverrides(IReadOnlyDictionary<string, double>? Weights = null, IReadOnlyCollection<string>? Dealbreakers = null)
{
    /// <summary>The posting with these weights and dealbreakers; throws <see cref="ArgumentException"/> naming every skill that is not
    /// the posting's, every weight that is negative or not finite, and every dealbreaker that is not a required skill kept in the ranking.</summary>
    public Posting ApplyTo(Posting posting)
    {
        var problems = new List<string>();
        var skills = new HashSet<string>(StringComparer.Ordinal);
        foreach (var r in posting.Required ?? []) skills.Add(r.SkillId);
        foreach (var r in posting.NiceToHave ?? []) skills.Add(r.SkillId);
        foreach (var (skill, weight) in Weights ?? new Dictionary<string, double>())
        {
            if (!skills.Contains(skill)) problems.Add($"weight for '{skill}': not a skill of posting '{posting.Id}'");
            else if (!(weight >= 0) || double.IsInfinity(weight)) problems.Add($"weight for '{skill}': {weight} must be zero or more");
        }

        double WeightOf(SkillRequirement r) => Weights is not null && Weights.TryGetValue(r.SkillId, out double w) && w >= 0 && !double.IsInfinity(w) ? w : r.Weight;
        var required = (posting.Required ?? []).Where(r => WeightOf(r) > 0).ToList();
        var dealbreakers = Dealbreakers is null ? null : new HashSet<string>(Dealbreakers, StringComparer.Ordinal);
        foreach (string skill in dealbreakers ?? [])
            if (!required.Any(r => r.SkillId == skill))
                problems.Add($"dealbreaker '{skill}': not a required skill of posting '{posting.Id}' with a positive weight");
        if (problems.Count > 0) throw new ArgumentException(string.Join("; ", problems));

        return posting with
        {
            Required = [.. required.Select(r => r with { Weight = WeightOf(r), Dealbreaker = dealbreakers?.Contains(r.SkillId) ?? r.Dealbreaker })],
            NiceToHave = [.. (posting.NiceToHave ?? []).Where(r => WeightOf(r) > 0).Select(r => r with { Weight = WeightOf(r) })],
        };
    }
}
