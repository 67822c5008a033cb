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
        (T.NormalizeOne(mention)?.Id).ShouldBe(id, $"'{mention}'");

    [Theory]
    [InlineData("C#/.NET", "csharp,dotnet")]
    [InlineData("HTML/CSS/JavaScript", "html,css,javascript")]
    [InlineData("HTML, CSS and JavaScript", "html,css,javascript")]
    [InlineData("AWS (EC2, S3)", "aws,aws-ec2,aws-s3")]
    [InlineData("AWS (Lambda, SQS)", "aws,aws-lambda,amazon-sqs")]
    [InlineData("Java / Spring Boot", "java,spring-boot")]
    [InlineData("Java + Spring", "java,spring")]
    [InlineData("Kafka or RabbitMQ", "kafka,rabbitmq")]
    [InlineData("C# .NET", "csharp,dotnet")]
    [InlineData("Java 17 Spring Boot", "java,spring-boot")]
    [InlineData("Oracle PL/SQL", "pl-sql")]
    [InlineData("PL/SQL, Java", "pl-sql,java")]
    [InlineData("CI/CD", "ci-cd")]
    [InlineData("Python3/Django", "python,django")]
    [InlineData("Amazon Web Services (AWS)", "aws")]
    [InlineData("Node.js (Express)", "nodejs,express")]
    [InlineData("Java/Cobol", "java")]
    [InlineData("AWS/Kafka", "aws,kafka")]
    public void Compound_mentions_give_every_known_part_in_order(string mention, string ids)
    {
        string.Join(',', T.Normalize(mention).Select(s => s.Id)).ShouldBe(ids, $"'{mention}'");
        T.NormalizeOne(mention).ShouldBe(ids.Contains(',') ? null : T.Find(ids));
    }

    [Fact]
    public void Parts_keep_the_unknown_parts_as_written()
    {
        T.NormalizeParts("Java/Cobol, Kafka").Select(p => (p.Text, p.Skill?.Id)).ShouldBe([("Java", "java"), ("Cobol", null), ("Kafka", "kafka")]);
        T.NormalizeParts("Senior Java developer").Select(p => (p.Text, p.Skill?.Id)).ShouldBe([("Senior Java developer", null)]);
    }

    [Theory]
    [InlineData("Java developer")]
    [InlineData("experience with Java")]
    [InlineData("go and see")]
    public void Phrases_around_a_skill_are_not_compounds(string mention) => T.Normalize(mention).ShouldBeEmpty();

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
    public void Unknown_mentions_stay_unknown(string mention) => T.Normalize(mention).ShouldBeEmpty();

    [Fact]
    public void Null_is_unknown() => T.Normalize(null).ShouldBeEmpty();

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
            var found = T.Normalize(text);
            // Each skill found normalizes back to itself by its name, and the found list has no repeats.
            return found.Distinct().Count() == found.Count && found.All(s => T.NormalizeOne(s.Name) == s);
        }, iter: 5000);
    }

    [Fact]
    public void Normalize_never_throws_and_is_stable_on_random_strings()
    {
        Gen.String.Sample(s => T.Normalize(s).SequenceEqual(T.Normalize(s)), iter: 5000);
    }

    [Fact]
    public void Every_alias_of_the_test_taxonomy_normalizes_to_its_skill()
    {
        foreach (var skill in T.Skills)
            foreach (var alias in T.AliasesOf(skill))
                T.NormalizeOne(alias.Text).ShouldBe(skill, $"alias '{alias.Text}'");
    }
}
