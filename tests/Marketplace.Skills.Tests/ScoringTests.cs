using CsCheck;
using Marketplace.Skills.Scoring;
using Shouldly;

namespace Marketplace.Skills.Tests;

/// <summary>The worked examples of docs/matching.md, and the model's properties.</summary>
public sealed class ScoringTests
{
    private static readonly Scorer Scorer = new(TestTaxonomy.Value);

    private static Posting BackendPosting(WorkMode mode = WorkMode.Hybrid) => new(
        "backend-dotnet",
        Required: [new("csharp", 4, 2), new("aspnet-core", 3, 2), new("postgresql", 3, 1), new("kafka", 2, 1)],
        NiceToHave: [new("kubernetes", 2, 1), new("docker", 2, 1)],
        Seniority.Senior, mode, "DE", "Berlin", new SalaryRange(60_000, 80_000));

    [Fact]
    public void Worked_example_1_inferred_and_related_skills_earn_partial_credit()
    {
        var anna = new Profile("anna",
            [new("aspnet-core", 4), new("mysql", 4), new("rabbitmq", 3), new("docker", 3)],
            Seniority.Senior, new Preferences(RemotePreference.Hybrid, "DE", "Hamburg", false, 70_000));
        var e = Scorer.Explain(anna, BackendPosting());

        e.Score.ShouldBe(75.75, 1e-9);
        e.Rounded.ShouldBe(75.8);
        e.HardMismatches.ShouldBeEmpty();
        var v = e.Skills.ToDictionary(s => s.SkillId);
        v["csharp"].Kind.ShouldBe(SkillMatchKind.Inferred);
        v["csharp"].ViaSkillId.ShouldBe("aspnet-core");
        v["csharp"].Credit.ShouldBe(0.8, 1e-12);
        v["csharp"].Points.ShouldBe(70 * 2 * 0.8 / 6, 1e-9);
        v["csharp"].Text.ShouldBe("C# (required, level 4+, weight 2): inferred from ASP.NET Core (level 4), credit 0.8, 18.67 points");
        v["aspnet-core"].Kind.ShouldBe(SkillMatchKind.Matched);
        v["aspnet-core"].Points.ShouldBe(70 * 2 / 6.0, 1e-9);
        v["postgresql"].Kind.ShouldBe(SkillMatchKind.Related);
        v["postgresql"].ViaSkillId.ShouldBe("mysql");
        v["postgresql"].Similarity.ShouldBe(0.5);
        v["postgresql"].Credit.ShouldBe(0.375, 1e-12);
        v["kafka"].Kind.ShouldBe(SkillMatchKind.Related);
        v["kafka"].ViaSkillId.ShouldBe("rabbitmq");
        v["kubernetes"].Kind.ShouldBe(SkillMatchKind.Missing);
        v["docker"].Kind.ShouldBe(SkillMatchKind.Matched);
        v["docker"].Points.ShouldBe(5, 1e-9);
        e.Parts.Select(p => (p.Name, Math.Round(p.Points, 2))).ShouldBe([
            ("Required skills", 50.75), ("Nice-to-have skills", 5.0), ("Seniority", 10.0), ("Location and work mode", 5.0), ("Salary", 5.0)]);
        e.Parts.Sum(p => p.Points).ShouldBe(e.Score, 1e-9);
    }

    [Fact]
    public void Worked_example_2_levels_below_the_minimum_and_hard_mismatches()
    {
        var bruno = new Profile("bruno",
            [new("csharp", 3), new("aspnet-core", 2), new("postgresql", 5)],
            Seniority.Mid, new Preferences(RemotePreference.OnSite, "FR", "Lyon", false, 90_000));
        var e = Scorer.Explain(bruno, BackendPosting(WorkMode.OnSite));

        e.Score.ShouldBe(70 * (2 * 0.75 + 2 * (2.0 / 3) + 1) / 6 + 5, 1e-9);
        e.Rounded.ShouldBe(49.7);
        var v = e.Skills.ToDictionary(s => s.SkillId);
        v["csharp"].Kind.ShouldBe(SkillMatchKind.BelowLevel);
        v["csharp"].Credit.ShouldBe(0.75, 1e-12);
        v["csharp"].Text.ShouldContain("below level: has level 3 of 4");
        v["aspnet-core"].Kind.ShouldBe(SkillMatchKind.BelowLevel);
        v["postgresql"].Kind.ShouldBe(SkillMatchKind.Matched);
        v["kafka"].Kind.ShouldBe(SkillMatchKind.Missing);
        e.Parts.Single(p => p.Name == "Seniority").Points.ShouldBe(5);
        e.Parts.Single(p => p.Name == "Location and work mode").Points.ShouldBe(0);
        e.Parts.Single(p => p.Name == "Salary").Points.ShouldBe(0);
        e.HardMismatches.ShouldBe([
            "on-site in DE, the seeker lives in FR and will not relocate",
            "the salary tops out at 80,000, below the seeker's minimum of 90,000"]);
    }

    [Fact]
    public void Worked_example_3_a_posting_without_requirements_and_unknown_preferences()
    {
        var e = Scorer.Explain(new Profile("carla", []), new Posting("open", [], []));
        e.Score.ShouldBe(70 + 10 + 10 + 5 + 2.5);
        e.Parts.Single(p => p.Name == "Salary").Reason.ShouldBe("salary or minimum unknown");
    }

    [Fact]
    public void A_direct_skill_beats_an_inference_and_level_credit_is_proportional()
    {
        var posting = new Posting("j", [new("csharp", 5)], []);
        Scorer.Explain(new Profile("a", [new("csharp", 2), new("aspnet-core", 5)]), posting).Skills[0].Kind.ShouldBe(SkillMatchKind.Inferred);
        Scorer.Explain(new Profile("b", [new("csharp", 5), new("aspnet-core", 5)]), posting).Skills[0].Kind.ShouldBe(SkillMatchKind.Matched);
        Scorer.Explain(new Profile("c", [new("csharp", 4)]), posting).Skills[0].Credit.ShouldBe(0.8, 1e-12);
    }

    [Fact]
    public void Unknown_skill_ids_and_bad_levels_are_rejected_with_a_clear_message()
    {
        Should.Throw<ArgumentException>(() => Scorer.Score(new Profile("a", [new("cobol", 3)]), new Posting("j", [], [])))
            .Message.ShouldBe("profile 'a': skill 'cobol' is not a skill id of the taxonomy");
        Should.Throw<ArgumentException>(() => Scorer.Score(new Profile("a", []), new Posting("j", [new("csharp", 6)], [])))
            .Message.ShouldContain("minLevel 6, outside 1..5");
        Should.Throw<ArgumentException>(() => Scorer.Score(new Profile("a", []), new Posting("j", [new("csharp", 3, 0)], [])))
            .Message.ShouldContain("must be positive");
    }

    [Fact]
    public void Scores_stay_between_0_and_100_and_the_parts_add_up()
    {
        Gen.Select(Generators.Profile, Generators.Posting).Sample((mp, mj) =>
        {
            var e = Scorer.Explain(mp("p"), mj("j"));
            e.Score.ShouldBeInRange(0, 100);
            e.Parts.Sum(p => p.Points).ShouldBe(e.Score, 1e-9);
            var posting = mj("j");
            if (posting.Required.Count > 0) e.Skills.Where(v => v.Required).Sum(v => v.Points).ShouldBe(e.Parts[0].Points, 1e-9);
            if (posting.NiceToHave.Count > 0) e.Skills.Where(v => !v.Required).Sum(v => v.Points).ShouldBe(e.Parts[1].Points, 1e-9);
        }, iter: 2000);
    }

    [Fact]
    public void Adding_a_skill_never_lowers_a_score()
    {
        Gen.Select(Generators.Profile, Generators.Posting, Generators.ProfileSkill).Sample((mp, mj, extra) =>
        {
            var profile = mp("p");
            var posting = mj("j");
            var more = profile with { Skills = [.. profile.Skills, extra] };
            Scorer.Score(more, posting).ShouldBeGreaterThanOrEqualTo(Scorer.Score(profile, posting));
        }, iter: 3000);
    }

    [Fact]
    public void Raising_a_level_never_lowers_a_score()
    {
        Gen.Select(Generators.Profile, Generators.Posting, Gen.Int[0, 100]).Sample((mp, mj, pick) =>
        {
            var profile = mp("p");
            if (profile.Skills.Count == 0) return;
            int i = pick % profile.Skills.Count;
            var s = profile.Skills[i];
            if (s.Level == 5) return;
            var raised = profile with { Skills = [.. profile.Skills.Select((x, k) => k == i ? x with { Level = x.Level + 1 } : x)] };
            Scorer.Score(raised, mj("j")).ShouldBeGreaterThanOrEqualTo(Scorer.Score(profile, mj("j")));
        }, iter: 3000);
    }

    [Fact]
    public void A_failed_dealbreaker_is_explained_and_excludes_whatever_the_score()
    {
        var posting = new Posting("j", [new("kafka", 3, 1, Dealbreaker: true), new("csharp", 4, 2), new("postgresql", 3)], [new("docker", 2)]);
        var strong = new Profile("a", [new("rabbitmq", 5), new("csharp", 5), new("postgresql", 5), new("docker", 5)]);
        var e = Scorer.Explain(strong, posting);
        e.Excluded.ShouldBeTrue();
        Scorer.Excludes(strong, posting).ShouldBeTrue();
        e.FailedDealbreakers.ShouldBe(["Kafka is a dealbreaker: level 3 or above is required (or a skill that implies it); the profile has only the related RabbitMQ"]);
        var kafka = e.Skills.Single(v => v.SkillId == "kafka");
        (kafka.Dealbreaker, kafka.Excludes, kafka.Kind).ShouldBe((true, true, SkillMatchKind.Related));
        kafka.Text.ShouldBe("Kafka (required, dealbreaker, level 3+, weight 1): related via RabbitMQ (level 5, similarity 0.5), credit 0.375, 6.56 points; dealbreaker not met, so not a candidate");
        e.Score.ShouldBe(Scorer.Score(strong, posting));
        e.Skills.Where(v => v.SkillId != "kafka").ShouldAllBe(v => !v.Dealbreaker && !v.Excludes);

        Scorer.Explain(new Profile("b", [new("kafka", 2)]), posting).FailedDealbreakers.ShouldHaveSingleItem().ShouldEndWith("the profile has it at level 2");
        Scorer.Explain(new Profile("c", []), posting).FailedDealbreakers.ShouldHaveSingleItem().ShouldEndWith("the profile does not have it");
        var met = Scorer.Explain(new Profile("d", [new("kafka", 3)]), posting);
        (met.Excluded, met.FailedDealbreakers.Count).ShouldBe((false, 0));

        var csharp = new Posting("k", [new("csharp", 4, 1, Dealbreaker: true)], []);
        Scorer.Excludes(new Profile("e", [new("aspnet-core", 4)]), csharp).ShouldBeFalse();
        Scorer.Explain(new Profile("f", [new("aspnet-core", 3)]), csharp).FailedDealbreakers.ShouldHaveSingleItem()
            .ShouldEndWith("the profile has it only through ASP.NET Core at level 3");
        // Level 4 of 5 directly ties the inference at 5 (0.8 each), and the inference at level 5 meets the dealbreaker.
        Scorer.Excludes(new Profile("g", [new("csharp", 4), new("aspnet-core", 5)]), new Posting("l", [new("csharp", 5, 1, Dealbreaker: true)], [])).ShouldBeFalse();
    }

    [Fact]
    public void A_nice_to_have_skill_cannot_be_a_dealbreaker() =>
        Should.Throw<ArgumentException>(() => Scorer.Score(new Profile("a", []), new Posting("j", [], [new("docker", 2, 1, Dealbreaker: true)])))
            .Message.ShouldBe("posting 'j': nice-to-have skill 'docker' is marked a dealbreaker; only required skills can be");

    [Fact]
    public void Learning_skills_never_fails_a_dealbreaker_that_was_met()
    {
        Gen.Select(Generators.Profile, Generators.Posting, Generators.ProfileSkill.Array[1, 3]).Sample((mp, mj, learned) =>
        {
            var profile = mp("p");
            var posting = mj("j");
            if (!Scorer.Excludes(profile, posting)) Scorer.Excludes(profile.WithSkills(learned), posting).ShouldBeFalse();
        }, iter: 2000);
    }

    [Fact]
    public void A_projection_scores_the_profile_with_the_learned_skills_and_never_lowers_the_score()
    {
        Gen.Select(Generators.Profile, Generators.Posting, Generators.ProfileSkill.Array[0, 3]).Sample((mp, mj, learned) =>
        {
            var profile = mp("p");
            var posting = mj("j");
            var projected = Scorer.Project(profile, posting, learned);
            var after = profile.WithSkills(learned);
            projected.Score.ShouldBe(Scorer.Score(after, posting));
            projected.Score.ShouldBeGreaterThanOrEqualTo(Scorer.Score(profile, posting));
            foreach (var s in profile.Skills) after.Skills.Where(x => x.SkillId == s.SkillId).Max(x => x.Level).ShouldBeGreaterThanOrEqualTo(s.Level);
            foreach (var s in learned) after.Skills.Where(x => x.SkillId == s.SkillId).Max(x => x.Level).ShouldBeGreaterThanOrEqualTo(s.Level);
        }, iter: 2000);
    }
}
