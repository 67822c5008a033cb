using Marketplace.Skills.Taxonomy;
using Shouldly;
using static Marketplace.Skills.Tests.TestTaxonomy;

namespace Marketplace.Skills.Tests;

public sealed class TaxonomyLoaderTests
{
    [Fact]
    public void Duplicate_alias_across_skills_fails_naming_both_skills()
    {
        var result = TaxonomyLoader.FromDefinitions([S("postgresql", "PostgreSQL", "database", ["pg"]), S("pgadmin", "pgAdmin", "tool", ["PG"])]);
        result.IsSuccess.ShouldBeFalse();
        result.Errors.ShouldHaveSingleItem().ShouldContain("'PG'");
        result.Errors[0].ShouldContain("'postgresql'");
        result.Errors[0].ShouldContain("'pgadmin'");
    }

    [Fact]
    public void Aliases_that_differ_only_in_punctuation_are_duplicates()
    {
        var result = TaxonomyLoader.FromDefinitions([S("a", "C Sharp", "language"), S("b", "c-sharp", "language")]);
        result.Errors.ShouldHaveSingleItem().ShouldContain("normalized 'c sharp'");
    }

    [Fact]
    public void Unknown_ids_in_implies_and_related_fail()
    {
        var result = TaxonomyLoader.FromDefinitions([S("django", "Django", "web-framework", implies: ["pyton"], related: [("flask", 0.5)])]);
        result.IsSuccess.ShouldBeFalse();
        result.Errors.ShouldContain(e => e.Contains("implies unknown skill id 'pyton'"));
        result.Errors.ShouldContain(e => e.Contains("related to unknown skill id 'flask'"));
    }

    [Fact]
    public void An_implication_cycle_fails_with_its_path()
    {
        var result = TaxonomyLoader.FromDefinitions([S("a", "A1", "tool", implies: ["b"]), S("b", "B1", "tool", implies: ["c"]), S("c", "C1", "tool", implies: ["a"])]);
        result.IsSuccess.ShouldBeFalse();
        result.Errors.ShouldHaveSingleItem().ShouldBe("implication cycle: a -> b -> c -> a");
    }

    [Fact]
    public void Duplicate_ids_and_bad_similarities_fail()
    {
        var result = TaxonomyLoader.FromDefinitions([S("a", "A1", "tool", related: [("b", 1.5)]), S("a", "A2", "tool"), S("b", "B1", "tool")]);
        result.Errors.ShouldContain(e => e.Contains("duplicate skill id 'a'"));
        result.Errors.ShouldContain(e => e.Contains("outside (0, 1)"));
    }

    [Fact]
    public void Malformed_json_fails_with_the_file_name()
    {
        var result = TaxonomyLoader.FromJson([("languages.json", "{ \"skills\": [ { \"id\": ")]);
        result.IsSuccess.ShouldBeFalse();
        result.Errors.ShouldHaveSingleItem().ShouldStartWith("languages.json: not valid taxonomy JSON");
    }

    [Fact]
    public void Json_in_the_agreed_format_loads_merges_files_and_makes_relations_symmetric()
    {
        const string languages = """
            { "source": "test", "skills": [
              { "id": "csharp", "name": "C#", "category": "language", "aliases": ["csharp"], "ambiguousAliases": [], "implies": [], "related": [], "popularity": 10 } ] }
            """;
        const string frameworks = """
            { "source": "test", "skills": [
              { "id": "aspnet-core", "name": "ASP.NET Core", "category": "web-framework", "aliases": ["aspnetcore"], "ambiguousAliases": [],
                "implies": ["csharp"], "related": [{ "id": "csharp", "similarity": 0.4 }], "popularity": 5 } ] }
            """;
        var result = TaxonomyLoader.FromJson([("languages.json", languages), ("frameworks.json", frameworks)]);
        result.Errors.ShouldBeEmpty();
        var t = result.Taxonomy!;
        t.Skills.Count.ShouldBe(2);
        var csharp = t.Find("csharp")!;
        t.RelatedTo(csharp).ShouldHaveSingleItem().Similarity.ShouldBe(0.4);
        t.ImpliedBy(t.Find("aspnet-core")!).ShouldBe([csharp.Index]);
        t.NormalizeOne("aspnetcore")!.Id.ShouldBe("aspnet-core");
    }

    [Fact]
    public void Implications_are_closed_transitively()
    {
        var t = Value;
        var express = t.Find("express")!;
        t.ImpliedBy(express).Select(i => t[i].Id).Order().ShouldBe(["javascript", "nodejs"]);
    }

    [Fact]
    public void Credit_sources_list_the_skill_itself_implying_skills_and_related_skills()
    {
        var t = Value;
        var sources = t.CreditSourcesFor(t.Find("csharp")!.Index).ToDictionary(s => t[s.SkillIndex].Id);
        sources["csharp"].Coefficient.ShouldBe(1.0);
        sources["aspnet-core"].Kind.ShouldBe(CreditKind.Inferred);
        sources["fsharp"].Kind.ShouldBe(CreditKind.Related);
        sources["fsharp"].Coefficient.ShouldBe(0.75 * 0.5, 1e-12);
    }
}
