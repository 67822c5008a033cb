using CsCheck;
using Marketplace.Skills.Text;
using Shouldly;

namespace Marketplace.Skills.Tests;

public sealed class NormalizationTests
{
    private static readonly Taxonomy.SkillTaxonomy T = TestTaxonomy.Value;

    [Theory]
    [InlineData("C#", "csharp")]
    [InlineData("c sharp", "csharp")]
    [InlineData("  C-Sharp ", "csharp")]
    [InlineData("CSharp", "csharp")]
    [InlineData("C# 12", "csharp")]
    [InlineData("F#", "fsharp")]
    [InlineData("C++", "cpp")]
    [InlineData("C++17", "cpp")]
    [InlineData("C", "c")]
    [InlineData(".NET", "dotnet")]
    [InlineData(".NET 8", "dotnet")]
    [InlineData(".NET Core", "dotnet")]
    [InlineData("dotnet", "dotnet")]
    [InlineData("ASP.NET Core", "aspnet-core")]
    [InlineData("asp.net-core", "aspnet-core")]
    [InlineData("Microsoft ASP.NET Core", "aspnet-core")]
    [InlineData("Microsoft ASP.NET", "aspnet")]
    [InlineData("Node.js", "nodejs")]
    [InlineData("NodeJS", "nodejs")]
    [InlineData("node js", "nodejs")]
    [InlineData("Java 17", "java")]
    [InlineData("Oracle Java", "java")]
    [InlineData("java se 21", "java")]
    [InlineData("Python3", "python")]
    [InlineData("Python 3.11", "python")]
    [InlineData("PostgreSQL 15", "postgresql")]
    [InlineData("postgres", "postgresql")]
    [InlineData("pgsql", "postgresql")]
    [InlineData("Apache Kafka", "kafka")]
    [InlineData("Kafka", "kafka")]
    [InlineData("k8s", "kubernetes")]
    [InlineData("Microservice", "microservices")]
    [InlineData("unit test", "unit-testing")]
    [InlineData("SQL Server 2019", "sql-server")]
    [InlineData("Go", "go")]
    [InlineData("golang", "go")]
    [InlineData("Spring", "spring")]
    [InlineData("HTML5", "html")]
    [InlineData("ＰｏｓｔｇｒｅＳＱＬ", "postgresql")]
    [InlineData("Amazon Web Services", "aws")]
    [InlineData("CI/CD", "ci-cd")]
    public void Known_mentions_normalize_to_their_skill(string mention, string id) =>
        T.Normalize(mention)?.Id.ShouldBe(id, $"'{mention}'");

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData("#")]
    [InlineData("Cobol")]
    [InlineData("Postgresq")]
    [InlineData("Javascrip")]
    [InlineData("CS")]
    [InlineData("Microsoft")]
    [InlineData("17")]
    [InlineData("Kotlin 2")]
    [InlineData("\u0000\u0001\u001f")]
    public void Unknown_mentions_stay_unknown(string mention) => T.Normalize(mention).ShouldBeNull();

    [Fact]
    public void Null_is_unknown() => T.Normalize(null).ShouldBeNull();

    [Theory]
    [InlineData("ASP.NET-Core", "asp.net core")]
    [InlineData("  C#  /  .NET ", "c# .net")]
    [InlineData("Node.js,", "node.js")]
    [InlineData("C++", "c++")]
    [InlineData("CI/CD", "ci cd")]
    public void Keys_keep_tech_tokens_and_collapse_the_rest(string text, string key) => Tokenizer.Key(text).ShouldBe(key);

    [Fact]
    public void Keys_keep_csharp_cpp_fsharp_and_dotnet_apart()
    {
        string[] keys = [Tokenizer.Key("C#"), Tokenizer.Key("C++"), Tokenizer.Key("F#"), Tokenizer.Key(".NET"), Tokenizer.Key("C"), Tokenizer.Key("NET")];
        keys.Distinct().Count().ShouldBe(keys.Length);
    }

    [Fact]
    public void Normalizing_is_idempotent_on_any_text()
    {
        var words = Gen.OneOf("C#", "c", "sharp", "Java", "17", "Microsoft", "ASP.NET", "core", "node", ".js", "postgres", "SQL",
            "server", "s", "-", " ", "/", "3", "Spring", "boot", "kafka", "apache", "k8s", "ＧＯ", "é", "\t");
        var gen = Gen.OneOf(words.Array[0, 5].Select(ws => string.Concat(ws)), Gen.String);
        gen.Sample(text =>
        {
            var first = T.Normalize(text);
            if (first is null) return true;
            return T.Normalize(first.Name) == first && T.Normalize(first.Id.Replace('-', ' ')) is var byId && (byId is null || byId == first || byId.Id != first.Id);
        }, iter: 5000);
    }

    [Fact]
    public void Normalize_never_throws_and_is_stable_on_random_strings()
    {
        Gen.String.Sample(s => T.Normalize(s) == T.Normalize(s), iter: 5000);
    }

    [Fact]
    public void Every_alias_of_the_test_taxonomy_normalizes_to_its_skill()
    {
        foreach (var skill in T.Skills)
            foreach (var alias in T.AliasesOf(skill))
                T.Normalize(alias.Text).ShouldBe(skill, $"alias '{alias.Text}'");
    }
}
