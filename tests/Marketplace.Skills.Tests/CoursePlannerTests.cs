using CsCheck;
using Marketplace.Skills.Plans;
using Marketplace.Skills.Scoring;
using Shouldly;

namespace Marketplace.Skills.Tests;

public sealed class CoursePlannerTests
{
    private static readonly CoursePlanner Planner = new(TestTaxonomy.Value);

    private static readonly Posting Posting = new("j",
        Required: [new("csharp", 4, 2), new("postgresql", 3, 1), new("kafka", 3, 1)],
        NiceToHave: [new("kubernetes", 2, 1)]);

    private static Course C(string id, double hours, decimal price, params (string Skill, int Level)[] teaches) =>
        new(id, id, [.. teaches.Select(t => new CourseSkill(t.Skill, t.Level))], hours, price);

    [Fact]
    public void Required_gaps_are_closed_first_with_the_fewest_hours_per_gap_value()
    {
        var profile = new Profile("p", [new("csharp", 2)]);
        Course[] catalog =
        [
            C("csharp-deep", 40, 300, ("csharp", 5)),
            C("backend-bundle", 60, 500, ("csharp", 4), ("postgresql", 4), ("kafka", 3)),
            C("pg-only", 10, 50, ("postgresql", 3)),
            C("k8s", 8, 80, ("kubernetes", 3)),
            C("kafka-too-shallow", 1, 10, ("kafka", 2)),
        ];
        var plan = Planner.Plan(profile, Posting, catalog);

        plan.Gaps.Select(g => g.SkillId).ShouldBe(["csharp", "postgresql", "kafka", "kubernetes"]);
        // Round 1: pg-only 10 h per unit of gap value beats the bundle (60 / 3 = 20) and csharp-deep (40 / 1); round 2: the bundle (60 / 2).
        plan.Courses.Select(c => c.Course.Id).ShouldBe(["pg-only", "backend-bundle", "k8s"]);
        plan.Courses[0].Closes.Select(g => g.SkillId).ShouldBe(["postgresql"]);
        plan.Courses[1].Closes.Select(g => g.SkillId).ShouldBe(["csharp", "kafka"]);
        plan.Courses[2].Closes.Select(g => g.SkillId).ShouldBe(["kubernetes"]);
        plan.Unclosed.ShouldBeEmpty();
        plan.TotalHours.ShouldBe(78);
        plan.TotalPrice.ShouldBe(630m);
        plan.ProjectedScore.ShouldBeGreaterThan(plan.ScoreBefore);
        plan.ProjectedScore.ShouldBe(new Scorer(TestTaxonomy.Value).Score(
            new Profile("p", [new("csharp", 4), new("postgresql", 4), new("kafka", 3), new("kubernetes", 3)]), Posting), 1e-9);
        plan.Courses.Select(c => c.HoursSoFar).ShouldBe([10, 70, 78]);
        plan.Courses[0].ScoreAfter.ShouldBe(new Scorer(TestTaxonomy.Value).Score(new Profile("p", [new("csharp", 2), new("postgresql", 3)]), Posting), 1e-9);
        plan.Courses[^1].ScoreAfter.ShouldBe(plan.ProjectedScore);
        plan.Options.Single(o => o.Gap.SkillId == "csharp").Courses.Select(c => c.Id).ShouldBe(["csharp-deep", "backend-bundle"]);
        plan.Options.Single(o => o.Gap.SkillId == "kafka").Courses.Select(c => c.Id).ShouldBe(["backend-bundle"]);
        (plan.ExcludedBefore, plan.ExcludedAfter).ShouldBe((false, false));
    }

    [Fact]
    public void A_plan_that_teaches_a_dealbreaker_lifts_the_exclusion()
    {
        var posting = new Posting("j", [new("kafka", 3, 1, Dealbreaker: true), new("csharp", 3)], []);
        var plan = Planner.Plan(new Profile("p", [new("csharp", 4)]), posting, [C("kafka", 12, 90, ("kafka", 3))]);
        (plan.ExcludedBefore, plan.ExcludedAfter).ShouldBe((true, false));
        plan.Gaps.ShouldHaveSingleItem().Dealbreaker.ShouldBeTrue();
        Planner.Plan(new Profile("p", [new("csharp", 4)]), posting, []).ExcludedAfter.ShouldBeTrue();
    }

    [Fact]
    public void Skills_worth_learning_are_ranked_by_what_they_add_across_postings()
    {
        Posting[] postings =
        [
            new("a", [new("kafka", 3), new("csharp", 3)], []),
            new("b", [new("kafka", 4), new("docker", 3)], []),
            new("c", [new("kubernetes", 2, 1, Dealbreaker: true)], [new("kafka", 2)]),
        ];
        var worth = Planner.SkillsWorthLearning(new Profile("p", [new("csharp", 5)]), postings);
        worth.Select(w => w.SkillId).ShouldBe(["kubernetes", "kafka", "docker"]);
        worth[0].ShouldBe(new SkillWorth("kubernetes", "Kubernetes", 2, 70, 1, 1));
        var kafka = worth[1];
        (kafka.Level, kafka.Postings, kafka.Unblocks).ShouldBe((4, 3, 0));
        // Kafka at level 4 fills half of a and of b (35 points each) and c's only nice-to-have (10).
        kafka.TotalGain.ShouldBe(80, 1e-9);
        worth[2].TotalGain.ShouldBe(35, 1e-9);
    }

    [Fact]
    public void Gaps_no_course_closes_are_reported()
    {
        var plan = Planner.Plan(new Profile("p", []), Posting, [C("pg", 5, 10, ("postgresql", 5))]);
        plan.Courses.ShouldHaveSingleItem().Course.Id.ShouldBe("pg");
        plan.Unclosed.Select(g => g.SkillId).ShouldBe(["csharp", "kafka", "kubernetes"]);
    }

    [Fact]
    public void A_profile_without_gaps_needs_no_course()
    {
        var profile = new Profile("p", [new("csharp", 5), new("postgresql", 5), new("kafka", 5), new("kubernetes", 5)]);
        var plan = Planner.Plan(profile, Posting, [C("pg", 5, 10, ("postgresql", 5))]);
        plan.Courses.ShouldBeEmpty();
        plan.ProjectedScore.ShouldBe(plan.ScoreBefore);
    }

    [Fact]
    public void The_gain_of_a_skill_worth_learning_is_the_rescored_difference()
    {
        Gen.Select(Generators.Profile, Generators.Posting.Array[1, 5]).Sample((mp, mjs) =>
        {
            var profile = mp("p");
            var postings = mjs.Select((f, i) => f($"j{i}")).ToArray();
            var scorer = new Scorer(TestTaxonomy.Value);
            foreach (var w in Planner.SkillsWorthLearning(profile, postings))
            {
                var learned = profile.WithSkills([new ProfileSkill(w.SkillId, w.Level)]);
                w.TotalGain.ShouldBe(postings.Sum(j => Math.Max(0, scorer.Score(learned, j) - scorer.Score(profile, j))), 1e-6);
                (w.Postings > 0 || w.Unblocks > 0).ShouldBeTrue();
            }
        }, iter: 500);
    }

    [Fact]
    public void A_bad_course_is_rejected_clearly() =>
        Should.Throw<ArgumentException>(() => Planner.Plan(new Profile("p", []), Posting, [C("x", -1, 0)])).Message.ShouldBe("course 'x': hours must be zero or more");

    [Fact]
    public void A_plan_never_lowers_the_score_and_every_closed_gap_is_taught()
    {
        var course = Gen.Select(Generators.SkillId, Gen.Int[1, 5]).Array[1, 3]
            .Select(Gen.Int[1, 40], Gen.Int[0, 500], (t, h, p) => (t, h, p));
        Gen.Select(Generators.Profile, Generators.Posting, course.Array[0, 8]).Sample((mp, mj, courses) =>
        {
            var catalog = courses.Select((c, i) => C($"c{i}", c.h, c.p, c.t)).ToArray();
            var plan = Planner.Plan(mp("p"), mj("j"), catalog);
            plan.ProjectedScore.ShouldBeGreaterThanOrEqualTo(plan.ScoreBefore);
            double previous = plan.ScoreBefore, hours = 0;
            foreach (var step in plan.Courses)
            {
                step.ScoreAfter.ShouldBeGreaterThanOrEqualTo(previous);
                (hours += step.Course.Hours).ShouldBe(step.HoursSoFar);
                previous = step.ScoreAfter;
            }
            foreach (var options in plan.Options)
            {
                options.Courses.ShouldAllBe(c => c.Teaches.Any(t => t.SkillId == options.Gap.SkillId && t.UpToLevel >= options.Gap.MinLevel));
                options.Courses.Select(c => c.Hours).ShouldBeInOrder();
            }
            foreach (var g in plan.Unclosed) plan.Options.Where(o => o.Gap == g).ShouldAllBe(o => o.Courses.Count == 0);
            if (plan.ExcludedBefore == false) plan.ExcludedAfter.ShouldBeFalse();
            foreach (var pc in plan.Courses)
            {
                pc.Closes.ShouldNotBeEmpty();
                foreach (var g in pc.Closes) pc.Course.Teaches.ShouldContain(t => t.SkillId == g.SkillId && t.UpToLevel >= g.MinLevel);
            }
            (plan.Courses.Sum(c => c.Closes.Count) + plan.Unclosed.Count).ShouldBe(plan.Gaps.Count);
        }, iter: 1000);
    }
}
