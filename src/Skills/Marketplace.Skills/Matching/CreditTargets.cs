using System.Runtime.CompilerServices;
using Marketplace.Skills.Taxonomy;

namespace Marketplace.Skills.Matching;

// The credit sources turned around: for a skill S, every skill R that S earns credit for, with the coefficient and whether S could meet
// R as a dealbreaker (S is R itself or implies it). Computed once per taxonomy.
internal static class CreditTargets
{
    private static readonly ConditionalWeakTable<SkillTaxonomy, Target[][]> Cache = [];

    public static Target[][] For(SkillTaxonomy taxonomy) => Cache.GetValue(taxonomy, Compute);

    private static Target[][] Compute(SkillTaxonomy taxonomy)
    {
        var targets = new List<Target>[taxonomy.Skills.Count];
        for (int s = 0; s < targets.Length; s++) targets[s] = [];
        for (int r = 0; r < targets.Length; r++)
            foreach (var source in taxonomy.CreditSourcesArray(r))
                targets[source.SkillIndex].Add(new Target(r, source.Coefficient, source.Kind != CreditKind.Related));
        return [.. targets.Select(t => t.ToArray())];
    }

    public readonly record struct Target(int Skill, double Coefficient, bool CanMeet);
}
