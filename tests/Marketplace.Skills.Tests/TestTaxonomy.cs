using Marketplace.Skills.Taxonomy;

namespace Marketplace.Skills.Tests;

/// <summary>A small taxonomy built in code, so engine tests do not depend on the curated data.</summary>
internal static class TestTaxonomy
{
    public static SkillTaxonomy Value => Instance.Value;

    public static SkillDefinition S(string id, string name, string category, string[]? aliases = null, string[]? ambiguous = null,
        string[]? implies = null, (string, double)[]? related = null, long popularity = 1000) => new()
        {
            Id = id,
            Name = name,
            Category = category,
            Aliases = aliases ?? [],
            AmbiguousAliases = ambiguous ?? [],
            Implies = implies ?? [],
            Related = [.. (related ?? []).Select(r => new RelatedDefinition(r.Item1, r.Item2))],
            Popularity = popularity,
        };

    public static readonly SkillDefinition[] Definitions =
    [
        S("csharp", "C#", "language", ["csharp", "c sharp", "c-sharp", "visual c#"], popularity: 1_600_000),
        S("fsharp", "F#", "language", ["fsharp", "f-sharp"], related: [("csharp", 0.5)]),
        S("cpp", "C++", "language", ["cpp", "cplusplus"], popularity: 800_000),
        S("c", "C", "language", [], ambiguous: ["C"], popularity: 400_000),
        S("dotnet", ".NET", "runtime", ["dotnet", ".net core", "dot net", ".net framework"], popularity: 300_000),
        S("aspnet-core", "ASP.NET Core", "web-framework", ["asp.net core", "aspnetcore", "aspnet core", "asp.net-core"], implies: ["csharp", "dotnet"], related: [("aspnet", 0.7), ("spring-boot", 0.3)]),
        S("aspnet", "ASP.NET", "web-framework", ["asp.net", "aspnet", "microsoft asp.net"], implies: ["csharp", "dotnet"]),
        S("java", "Java", "language", ["oracle java", "java se"], popularity: 1_900_000),
        S("spring", "Spring", "web-framework", ["spring framework"], ambiguous: ["Spring"]),
        S("spring-boot", "Spring Boot", "web-framework", ["springboot", "spring-boot"], implies: ["spring", "java"]),
        S("go", "Go", "language", ["golang", "go lang"], ambiguous: ["Go"]),
        S("rust", "Rust", "language", ["rustlang"], ambiguous: ["Rust"]),
        S("swift", "Swift", "language", [], ambiguous: ["Swift"]),
        S("python", "Python", "language", ["py"], ambiguous: ["py"], popularity: 2_100_000),
        S("django", "Django", "web-framework", [], implies: ["python"]),
        S("javascript", "JavaScript", "language", ["js", "ecmascript"], popularity: 2_500_000),
        S("typescript", "TypeScript", "language", ["ts"], ambiguous: ["ts"], implies: ["javascript"]),
        S("nodejs", "Node.js", "runtime", ["node", "nodejs", "node js"], ambiguous: ["node"], implies: ["javascript"]),
        S("express", "Express", "web-framework", ["express.js", "expressjs"], ambiguous: ["Express"], implies: ["nodejs"]),
        S("nextjs", "Next.js", "web-framework", ["next", "nextjs"], ambiguous: ["next"], implies: ["javascript"]),
        S("postgresql", "PostgreSQL", "database", ["postgres", "pgsql", "pg", "postgre sql"], ambiguous: ["pg"], related: [("mysql", 0.5), ("sql-server", 0.5)], popularity: 180_000),
        S("mysql", "MySQL", "database", ["my sql"], related: [("mariadb", 0.8)], popularity: 670_000),
        S("mariadb", "MariaDB", "database", []),
        S("sql-server", "SQL Server", "database", ["microsoft sql server", "mssql", "ms sql"]),
        S("sql", "SQL", "language", ["structured query language"]),
        S("kubernetes", "Kubernetes", "container", ["k8s", "kube"]),
        S("docker", "Docker", "container", ["docker containers"]),
        S("kafka", "Kafka", "messaging", ["apache kafka"], related: [("rabbitmq", 0.5)]),
        S("rabbitmq", "RabbitMQ", "messaging", ["rabbit mq"]),
        S("microservices", "Microservices", "architecture", ["microservice architecture"]),
        S("unit-testing", "Unit testing", "testing", ["unit tests"]),
        S("aws", "AWS", "cloud", ["amazon web services"]),
        S("aws-lambda", "AWS Lambda", "cloud", ["lambda"], ambiguous: ["lambda"], implies: ["aws"]),
        S("ci-cd", "CI/CD", "ci-cd", ["ci cd", "continuous integration"]),
        S("html", "HTML", "language", ["html5"]),
        S("css", "CSS", "language", ["css3"]),
        S("aws-s3", "Amazon S3", "cloud", ["s3", "aws s3"], implies: ["aws"]),
        S("aws-ec2", "Amazon EC2", "cloud", ["ec2", "aws ec2"], implies: ["aws"]),
        S("amazon-sqs", "Amazon SQS", "messaging", ["sqs", "aws sqs"], implies: ["aws"]),
        S("pl-sql", "PL/SQL", "language", ["plsql"], implies: ["sql"]),
    ];

    public static readonly Lazy<SkillTaxonomy> Instance = new(() =>
    {
        var result = TaxonomyLoader.FromDefinitions(Definitions);
        if (!result.IsSuccess) throw new InvalidOperationException(string.Join("; ", result.Errors));
        return result.Taxonomy!;
    });
}
