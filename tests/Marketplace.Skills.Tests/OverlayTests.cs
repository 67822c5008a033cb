using CsCheck;
using Marketplace.Skills.Taxonomy;
using Shouldly;

namespace Marketplace.Skills.Tests;

public sealed class OverlayTests
{
    private static readonly SkillTaxonomy T = TestTaxonomy.Value;

    private static SkillTaxonomy Apply(params TaxonomyChange[] changes)
    {
        var result = T.WithOverlay(new TaxonomyOverlay(changes));
        result.Errors.ShouldBeEmpty();
        return result.Taxonomy!;
    }

    private static string Refused(params TaxonomyChange[] changes)
    {
        var result = T.WithOverlay(new TaxonomyOverlay(changes));
        result.IsSuccess.ShouldBeFalse();
        return result.Errors.ShouldHaveSingleItem();
    }

    [Fact]
    public void An_empty_overlay_gives_the_same_skills_and_aliases()
    {
        var t = Apply();
        t.Skills.Select(s => s.Id).ShouldBe(T.Skills.Select(s => s.Id));
        t.AliasCount.ShouldBe(T.AliasCount);
    }

    [Fact]
    public void Added_skills_and_aliases_normalize_and_are_found_in_sentences()
    {
        var t = Apply(
            new AddSkill(TestTaxonomy.S("cobol", "COBOL", "mainframe", ["cobol 85"])),
            new AddAlias("cobol", "Enterprise COBOL"),
            new AddAlias("kubernetes", "kubernetes engine"),
            new AddAlias("cobol", "Cob", Ambiguous: true));
        t.NormalizeOne("Cobol")!.Id.ShouldBe("cobol");
        t.NormalizeOne("enterprise cobol")!.Id.ShouldBe("cobol");
        t.NormalizeOne("Kubernetes Engine")!.Id.ShouldBe("kubernetes");
        t.Extract("Ten years of Enterprise COBOL on the mainframe").Select(m => m.Skill.Id).ShouldBe(["cobol"]);
        t.Extract("a cob of corn").ShouldBeEmpty();
        T.NormalizeOne("Cobol").ShouldBeNull("the base taxonomy is not changed");
    }

    [Fact]
    public void Implications_and_relations_are_added_and_feed_credit()
    {
        var t = Apply(new AddImplication("kafka", "microservices"), new AddRelation("kafka", "aws-lambda", 0.4));
        t.ImpliedBy(t.Find("kafka")!).ShouldContain(t.Find("microservices")!.Index);
        t.RelatedTo(t.Find("aws-lambda")!).ShouldContain((t.Find("kafka")!.Index, 0.4));
    }

    [Fact]
    public void A_duplicate_alias_is_refused_naming_the_skill_that_has_it() =>
        Refused(new AddAlias("nodejs", "k8s")).ShouldBe("overlay change 1 (alias 'k8s' of 'nodejs'): 'k8s' (normalized 'k8s') is already an alias of 'kubernetes'");

    [Fact]
    public void A_skill_whose_alias_is_taken_is_refused() =>
        Refused(new AddSkill(TestTaxonomy.S("nomad", "Nomad", "container", ["kube"]))).ShouldContain("'kube' (normalized 'kube') is already an alias of 'kubernetes'");

    [Fact]
    public void An_implication_cycle_is_refused_with_its_path() =>
        Refused(new AddImplication("java", "spring-boot")).ShouldBe("overlay change 1 (implication 'java' -> 'spring-boot'): it would close the implication cycle java -> spring-boot -> java");

    [Theory]
    [InlineData("nope", "java")]
    [InlineData("java", "nope")]
    public void Unknown_ids_are_refused_by_name(string from, string to) =>
        Refused(new AddImplication(from, to)).ShouldEndWith("unknown skill id 'nope'");

    [Fact]
    public void Every_invalid_change_is_reported_with_its_position()
    {
        var result = T.WithOverlay(new TaxonomyOverlay([
            new AddAlias("java", "jvm language"), new AddSkill(TestTaxonomy.S("java", "Java again", "language")),
            new AddRelation("java", "java", 0.5), new AddRelation("java", "kotlin", 0.5), new AddRelation("java", "go", 1.5),
            new AddSkill(TestTaxonomy.S("x", "X", "no-such-category")), new MarkNotASkill("Java")]));
        result.Errors.ShouldBe([
            "overlay change 2 (add skill 'java'): skill id 'java' already exists",
            "overlay change 3 (relation 'java' ~ 'java' (0.5)): 'java' cannot be related to itself",
            "overlay change 4 (relation 'java' ~ 'kotlin' (0.5)): unknown skill id 'kotlin'",
            "overlay change 5 (relation 'java' ~ 'go' (1.5)): similarity 1.5 is outside (0, 1)",
            "overlay change 6 (add skill 'x'): unknown category 'no-such-category'",
            "overlay change 7 ('Java' is not a skill): 'Java' is the name of skill 'java'; merge that skill into another instead",
        ]);
    }

    [Fact]
    public void A_merge_moves_names_aliases_implications_and_relations_and_keeps_the_old_id_resolving()
    {
        var t = Apply(new MergeSkills("mariadb", "mysql"), new MergeSkills("express", "nodejs"));
        t.Skills.ShouldNotContain(s => s.Id == "mariadb" || s.Id == "express");
        t.NormalizeOne("MariaDB")!.Id.ShouldBe("mysql");
        t.NormalizeOne("expressjs")!.Id.ShouldBe("nodejs");
        t.Find("mariadb")!.Id.ShouldBe("mysql");
        t.TryGet("express", out var express).ShouldBeTrue();
        express.Id.ShouldBe("nodejs");
        t.RelatedTo(t.Find("mysql")!).ShouldNotContain(r => r.Skill == t.Find("mysql")!.Index, "the merged pair's own relation goes away");
        t.Extract("REST APIs in Express on Node.js").Select(m => m.Skill.Id).ShouldBe(["nodejs", "nodejs"]);
        Refused(new MergeSkills("mariadb", "mysql"), new MergeSkills("mariadb", "postgresql")).ShouldContain("'mariadb' was already merged into 'mysql'");
    }

    [Fact]
    public void A_merge_that_would_close_a_cycle_is_refused() =>
        Refused(new MergeSkills("spring", "java"), new AddImplication("java", "django"), new MergeSkills("python", "spring-boot"))
            .ShouldContain("the merge would close an implication cycle");

    [Fact]
    public void Skills_that_implied_a_merged_skill_imply_the_skill_it_went_into()
    {
        var t = Apply(new MergeSkills("javascript", "typescript"));
        t.ImpliedBy(t.Find("nodejs")!).ShouldContain(t.Find("typescript")!.Index);
        t.ImpliedBy(t.Find("typescript")!).ShouldBeEmpty();
    }

    [Fact]
    public void Not_a_skill_removes_the_alias_and_is_reported()
    {
        var t = Apply(new MarkNotASkill("kube"), new MarkNotASkill("team player"));
        t.Normalize("kube").ShouldBeEmpty();
        t.NormalizeOne("k8s")!.Id.ShouldBe("kubernetes");
        t.IsMarkedNotASkill("Kube").ShouldBeTrue();
        t.IsMarkedNotASkill("Team  Player").ShouldBeTrue();
        t.IsMarkedNotASkill("kubernetes").ShouldBeFalse();
        t.Extract("We deploy with kube").ShouldBeEmpty();
        Apply(new MarkNotASkill("kube"), new AddAlias("kubernetes", "kube")).IsMarkedNotASkill("kube").ShouldBeFalse();
    }

    [Fact]
    public void Overlays_stack_on_overlaid_taxonomies()
    {
        var once = Apply(new MergeSkills("mariadb", "mysql"));
        var twice = once.WithOverlay(new TaxonomyOverlay([new AddAlias("mariadb", "maria")])).Taxonomy!;
        twice.NormalizeOne("maria")!.Id.ShouldBe("mysql");
        once.WithOverlay(new TaxonomyOverlay([new AddSkill(TestTaxonomy.S("mariadb", "MariaDB", "database"))])).Errors
            .ShouldHaveSingleItem().ShouldContain("was merged into 'mysql'; ids are never reused");
    }

    [Fact]
    public void Any_overlay_of_aliases_either_is_refused_or_keeps_every_alias_normalizing_and_extractable()
    {
        var ids = T.Skills.Select(s => s.Id).ToArray();
        var words = Gen.OneOf(Gen.Const("cloud"), Gen.Const("engine"), Gen.Const("pro"), Gen.Const("k8s"), Gen.Const("db"), Gen.Const("x"),
            Gen.String[Gen.Char['a', 'z'], 2, 6]);
        var change = Gen.Select(Gen.Int[0, ids.Length - 1], words.Array[1, 3], (i, w) => (TaxonomyChange)new AddAlias(ids[i], string.Join(' ', w)));
        change.Array[1, 6].Sample(changes =>
        {
            var result = T.WithOverlay(new TaxonomyOverlay(changes));
            if (!result.IsSuccess) return result.Errors.All(e => e.StartsWith("overlay change ", StringComparison.Ordinal) && e.Contains("already an alias of"));
            var t = result.Taxonomy!;
            return changes.Cast<AddAlias>().All(c => t.NormalizeOne(c.Alias)?.Id == c.SkillId
                && t.Extract($"We use {c.Alias} daily.").Any(m => m.Skill.Id == c.SkillId));
        }, iter: 300);
    }
}
