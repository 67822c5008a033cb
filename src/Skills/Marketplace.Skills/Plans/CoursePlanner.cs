using Marketplace.Skills.Scoring;
using Marketplace.Skills.Taxonomy;

namespace Marketplace.Skills.Plans;

/// <summary>Plans the courses that close a profile's gaps for a posting (greedy weighted set cover, required gaps first) and ranks the
/// skills worth learning across several postings.</summary>
/// <remarks>
/// Greedy set cover is within a logarithmic factor of the optimum and the catalogs are small, so exactness is not worth an ILP.
/// Each round takes the course with the fewest hours per unit of gap value it newly closes (ties: cheaper, then id). A course closes a
/// gap when it teaches that skill up to at least the minimum level; the projected scores add the taught skills at their levels
/// (<see cref="Profile.WithSkills"/>), so what a course teaches beyond the gaps (a skill that implies another) counts too.
/// </remarks>
public sealed class CoursePlanner(SkillTaxonomy taxonomy)
{
    private readonly Scorer _scorer = new(taxonomy);

    public CoursePlan Plan(Profile profile, Posting posting, IReadOnlyList<Course> catalog)
    {
        var explanation = _scorer.Explain(profile, posting);
        var gaps = explanation.Skills
            .Where(v => v.Credit < 1)
            .Select(v => new SkillGap(v.SkillId, v.SkillName, v.Required, v.MinLevel, v.Weight, v.Credit, v.Dealbreaker))
            .ToList();

        var (chosen, open) = Choose(gaps, catalog);

        var planned = new List<PlannedCourse>();
        var learned = new List<ProfileSkill>();
        double hours = 0;
        foreach (var (course, closes) in chosen)
        {
            learned.AddRange(course.Teaches.Select(t => new ProfileSkill(t.SkillId, t.UpToLevel)));
            hours += course.Hours;
            planned.Add(new PlannedCourse(course, closes, hours, _scorer.Score(profile.WithSkills(learned), posting)));
        }
        var options = gaps
            .Select(g => new GapOptions(g, [.. catalog.Where(c => Closes(c, g)).OrderBy(c => c.Hours).ThenBy(c => c.Price).ThenBy(c => c.Id, StringComparer.Ordinal)]))
            .ToList();
        var after = profile.WithSkills(learned);
        return new CoursePlan(planned, gaps, open, hours, planned.Sum(p => p.Course.Price), explanation.Score,
            planned.Count > 0 ? planned[^1].ScoreAfter : explanation.Score, options, explanation.Excluded, _scorer.Excludes(after, posting));
    }

    /// <summary>The courses that close these gaps, in order (required gaps first, then the fewest hours per unit of gap value newly
    /// closed; ties: cheaper, then id), each with the gaps it is the one to close, and the gaps no course closes. The gaps may come
    /// from anywhere that scored the match (Matching's facade does), so a caller can project the scores with the same engine.</summary>
    public ChosenCourses Choose(IReadOnlyList<SkillGap> gaps, IReadOnlyList<Course> catalog)
    {
        foreach (var c in catalog) Validate(c);
        var open = new List<SkillGap>(gaps);
        var chosen = new List<ChosenCourse>();
        var used = new HashSet<string>(StringComparer.Ordinal);
        foreach (bool required in new[] { true, false })
        {
            while (true)
            {
                var pending = open.Where(g => g.Required == required).ToList();
                if (pending.Count == 0) break;
                (Course Course, double Ratio)? best = null;
                foreach (var course in catalog)
                {
                    if (used.Contains(course.Id)) continue;
                    double value = pending.Where(g => Closes(course, g)).Sum(g => g.Value);
                    if (value <= 0) continue;
                    double ratio = course.Hours / value;
                    if (best is null || ratio < best.Value.Ratio || (ratio == best.Value.Ratio && Cheaper(course, best.Value.Course)))
                        best = (course, ratio);
                }
                if (best is null) break;
                used.Add(best.Value.Course.Id);
                // A course chosen for required gaps also closes the nice-to-have gaps it covers.
                var closedNow = open.Where(g => Closes(best.Value.Course, g)).ToList();
                foreach (var g in closedNow) open.Remove(g);
                chosen.Add(new ChosenCourse(best.Value.Course, closedNow));
            }
        }

        return new ChosenCourses(chosen, open);
    }

    /// <summary>The skills the profile lacks (or has below the level asked) in these postings, ranked by the score learning each would
    /// add across them: each is learnt to the highest minimum level any of them asks for it, and every posting is rescored, so a
    /// skill that implies another earns for both. Skills that lift a dealbreaker come first, then by total gain (then by id).</summary>
    public IReadOnlyList<SkillWorth> SkillsWorthLearning(Profile profile, IReadOnlyList<Posting> postings)
    {
        var before = postings.Select(j => (Posting: j, Explanation: _scorer.Explain(profile, j))).ToList();
        var levels = new Dictionary<string, (string Name, int Level)>(StringComparer.Ordinal);
        foreach (var (_, e) in before)
            foreach (var v in e.Skills.Where(v => v.Credit < 1))
                levels[v.SkillId] = (v.SkillName, Math.Max(levels.GetValueOrDefault(v.SkillId).Level, v.MinLevel));
        var result = new List<SkillWorth>();
        foreach (var (skill, (name, level)) in levels)
        {
            var learned = profile.WithSkills([new ProfileSkill(skill, level)]);
            double gain = 0;
            int raised = 0, unblocks = 0;
            foreach (var (posting, e) in before)
            {
                double delta = _scorer.Score(learned, posting) - e.Score;
                if (delta > 1e-9) { gain += delta; raised++; }
                if (e.Excluded && !_scorer.Excludes(learned, posting)) unblocks++;
            }
            if (raised > 0 || unblocks > 0) result.Add(new SkillWorth(skill, name, level, gain, raised, unblocks));
        }
        return [.. result.OrderByDescending(w => w.Unblocks).ThenByDescending(w => w.TotalGain).ThenBy(w => w.SkillId, StringComparer.Ordinal)];
    }

    private static bool Cheaper(Course a, Course b) => a.Price < b.Price || (a.Price == b.Price && string.CompareOrdinal(a.Id, b.Id) < 0);

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
