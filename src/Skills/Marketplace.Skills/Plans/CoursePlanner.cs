using Marketplace.Skills.Scoring;
using Marketplace.Skills.Taxonomy;

namespace Marketplace.Skills.Plans;

/// <summary>Plans the courses that close a profile's gaps for a posting: greedy weighted set cover, required gaps first.</summary>
/// <remarks>
/// Greedy set cover is within a logarithmic factor of the optimum and the catalogs are small, so exactness is not worth an ILP.
/// Each round takes the course with the fewest hours per unit of gap value it newly closes (ties: cheaper, then id).
/// </remarks>
public sealed class CoursePlanner(SkillTaxonomy taxonomy)
{
    private readonly Scorer _scorer = new(taxonomy);

    public CoursePlan Plan(Profile profile, Posting posting, IReadOnlyList<Course> catalog)
    {
        foreach (var c in catalog) Validate(c);
        var explanation = _scorer.Explain(profile, posting);
        var gaps = explanation.Skills
            .Where(v => v.Credit < 1)
            .Select(v => new SkillGap(v.SkillId, v.SkillName, v.Required, v.MinLevel, v.Weight, v.Credit))
            .ToList();

        var open = new List<SkillGap>(gaps);
        var planned = new List<PlannedCourse>();
        var used = new HashSet<string>(StringComparer.Ordinal);
        foreach (bool required in new[] { true, false })
        {
            while (true)
            {
                var pending = open.Where(g => g.Required == required).ToList();
                if (pending.Count == 0) break;
                (Course Course, List<SkillGap> Closes, double Ratio)? best = null;
                foreach (var course in catalog)
                {
                    if (used.Contains(course.Id)) continue;
                    var closes = pending.Where(g => Closes(course, g)).ToList();
                    double value = closes.Sum(g => g.Value);
                    if (value <= 0) continue;
                    double ratio = course.Hours / value;
                    if (best is null || ratio < best.Value.Ratio
                        || (ratio == best.Value.Ratio && (course.Price < best.Value.Course.Price
                            || (course.Price == best.Value.Course.Price && string.CompareOrdinal(course.Id, best.Value.Course.Id) < 0))))
                        best = (course, closes, ratio);
                }
                if (best is null) break;
                used.Add(best.Value.Course.Id);
                // A course chosen for required gaps also closes the nice-to-have gaps it covers.
                var closedNow = open.Where(g => Closes(best.Value.Course, g)).ToList();
                foreach (var g in closedNow) open.Remove(g);
                planned.Add(new PlannedCourse(best.Value.Course, closedNow));
            }
        }

        var levels = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var s in profile.Skills) levels[s.SkillId] = Math.Max(levels.GetValueOrDefault(s.SkillId), s.Level);
        foreach (var p in planned)
            foreach (var t in p.Course.Teaches) levels[t.SkillId] = Math.Max(levels.GetValueOrDefault(t.SkillId), t.UpToLevel);
        var after = profile with { Skills = [.. levels.Select(kv => new ProfileSkill(kv.Key, kv.Value))] };

        return new CoursePlan(planned, gaps, open, planned.Sum(p => p.Course.Hours), planned.Sum(p => p.Course.Price),
            explanation.Score, _scorer.Score(after, posting));
    }

    private static bool Closes(Course course, SkillGap gap) =>
        course.Teaches.Any(t => t.SkillId == gap.SkillId && t.UpToLevel >= gap.MinLevel);

    private void Validate(Course course)
    {
        if (!(course.Hours >= 0) || double.IsInfinity(course.Hours)) throw new ArgumentException($"course '{course.Id}': hours must be zero or more");
        if (course.Price < 0) throw new ArgumentException($"course '{course.Id}': price must be zero or more");
        foreach (var t in course.Teaches)
        {
            if (!taxonomy.TryGet(t.SkillId, out _)) throw new ArgumentException($"course '{course.Id}': skill '{t.SkillId}' is not a skill id of the taxonomy");
            if (t.UpToLevel is < 1 or > 5) throw new ArgumentException($"course '{course.Id}': skill '{t.SkillId}' has level {t.UpToLevel}, outside 1..5");
        }
    }
}
