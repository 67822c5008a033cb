using System.Text;
using Shouldly;

namespace Marketplace.Skills.Tests;

public sealed class ExtractionTests
{
    private static readonly Taxonomy.SkillTaxonomy T = TestTaxonomy.Value;

    private static string[] Ids(string text) => [.. T.Extract(text).Select(m => m.Skill.Id)];

    [Fact]
    public void Finds_tech_tokens_with_their_positions()
    {
        const string text = "Senior C#/.NET developer: ASP.NET Core, Node.js, C++ and F#.";
        var mentions = T.Extract(text);
        mentions.Select(m => (m.Skill.Id, m.Text)).ShouldBe([
            ("csharp", "C#"), ("dotnet", ".NET"), ("aspnet-core", "ASP.NET Core"), ("nodejs", "Node.js"), ("cpp", "C++"), ("fsharp", "F#")]);
        foreach (var m in mentions) text.Substring(m.Start, m.Length).ShouldBe(m.Text);
    }

    [Fact]
    public void Longest_alias_wins_over_its_prefix()
    {
        Ids("We build on Spring Boot and ASP.NET Core, not ASP.NET.").ShouldBe(["spring-boot", "aspnet-core", "aspnet"]);
        Ids("Microsoft SQL Server 2019").ShouldBe(["sql-server"]);
    }

    [Fact]
    public void Versions_and_plurals_are_tolerated()
    {
        Ids("Python3, Java 17, PostgreSQL 15, HTML5 and microservices").ShouldBe(["python", "java", "postgresql", "html", "microservices"]);
    }

    [Theory]
    [InlineData("Stack: C#/.NET, HTML/CSS/JavaScript.", new[] { "csharp", "dotnet", "html", "css", "javascript" })]
    [InlineData("We run on AWS (EC2, S3) and Kafka.", new[] { "aws", "aws-ec2", "aws-s3", "kafka" })]
    [InlineData("Serverless on AWS (Lambda, SQS).", new[] { "aws", "aws-lambda", "amazon-sqs" })]
    [InlineData("Java, Script and Oracle PL/SQL", new[] { "java", "pl-sql" })]
    public void Compound_mentions_in_running_text_find_every_part(string text, string[] ids) => Ids(text).ShouldBe(ids);

    [Fact]
    public void No_alias_is_read_across_a_comma_or_a_bracket() =>
        Ids("Amazon (S3 buckets), unit, tests").ShouldBe(["aws-s3"]);

    [Theory]
    [InlineData("5 years of Go and PostgreSQL", new[] { "go", "postgresql" })]
    [InlineData("Backend developer: Go, Rust", new[] { "go", "rust" })]
    [InlineData("We use Spring with Kafka", new[] { "spring", "kafka" })]
    [InlineData("REST APIs in Express on Node.js", new[] { "express", "nodejs" })]
    [InlineData("Experience with Swift is a plus", new[] { "swift" })]
    [InlineData("Our frontend is Next with TypeScript", new[] { "nextjs", "typescript" })]
    public void Ambiguous_aliases_with_evidence_are_found(string text, string[] ids) => Ids(text).ShouldBe(ids);

    public static TheoryData<string> TrickySentences => new()
    {
        "go to the meeting",
        "Go to the meeting at noon.",
        "Let's go!",
        "The spring season starts in March.",
        "Spring is lovely in Paris.",
        "Express delivery is available.",
        "Next week we will meet.",
        "We need a swift response.",
        "Swift action was taken by the board.",
        "The rust on the car is bad.",
        "Rust never sleeps.",
        "Press C to continue.",
        "Vitamin C and a lambda of 3.",
        "He will go next, then express his view.",
        "a node in the graph",
        "ts and pg are abbreviations.",
    };

    [Theory]
    [MemberData(nameof(TrickySentences))]
    public void Tricky_sentences_find_nothing(string text) => T.Extract(text).ShouldBeEmpty();

    [Fact]
    public void At_the_start_of_a_sentence_an_ordinary_word_needs_another_skill_nearby()
    {
        Ids("Go where the work is, with years of experience.").ShouldBeEmpty();
        Ids("We hire. Swift developers with years of experience wanted.").ShouldBeEmpty();
        Ids("Go and Kafka in production.").ShouldBe(["go", "kafka"]);
        Ids("Backend developer: Go, Rust").ShouldBe(["go", "rust"]);
    }

    [Fact]
    public void Lower_case_ambiguous_words_are_not_skills_even_in_tech_text() =>
        Ids("5 years of go and postgres experience").ShouldBe(["postgresql"]);

    [Fact]
    public void Words_are_matched_on_boundaries_only()
    {
        Ids("javascripting gopher postgresqlish csharpy").ShouldBeEmpty();
        Ids("Javascript-based").ShouldBe(["javascript"]);
    }

    [Fact]
    public void Empty_and_control_characters_give_nothing_or_the_skills_between_them()
    {
        T.Extract(null).ShouldBeEmpty();
        T.Extract("").ShouldBeEmpty();
        T.Extract("\0\u0001\u0002\t\r\n\u200b").ShouldBeEmpty();
        Ids("\u0000C#\u0001Kafka\u0002").ShouldBe(["csharp", "kafka"]);
        Ids("\ud800 C# \udfff").ShouldBe(["csharp"]);
    }

    [Fact]
    public void One_megabyte_of_text_is_extracted_correctly()
    {
        const string paragraph = "We are hiring a Senior C# engineer with 5 years of Go, PostgreSQL 15 and Kubernetes. Let's go to lunch in spring. ";
        var sb = new StringBuilder();
        int repeats = 0;
        while (sb.Length < 1_000_000) { sb.Append(paragraph); repeats++; }
        var mentions = T.Extract(sb.ToString());
        mentions.Count.ShouldBe(repeats * 4);
        mentions.GroupBy(m => m.Skill.Id).ToDictionary(g => g.Key, g => g.Count()).ShouldBe(new Dictionary<string, int>
        {
            ["csharp"] = repeats, ["go"] = repeats, ["postgresql"] = repeats, ["kubernetes"] = repeats,
        }, ignoreOrder: true);
    }

    [Fact]
    public void A_huge_single_token_is_fine() => T.Extract(new string('x', 2_000_000)).ShouldBeEmpty();
}
