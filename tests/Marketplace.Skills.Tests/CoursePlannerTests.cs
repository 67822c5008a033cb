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
            foreach (var pc in plan.Courses)
            {
                pc.Closes.ShouldNotBeEmpty();
                foreach (var g in pc.Closes) pc.Course.Teaches.ShouldContain(t => t.SkillId == g.SkillId && t.UpToLevel >= g.MinLevel);
            }
            (plan.Courses.Sum(c => c.Closes.Count) + plan.Unclosed.Count).ShouldBe(plan.Gaps.Count);
        }, iter: 1000);
    }
}
