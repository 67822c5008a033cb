using System.Security.Cryptography;
using System.Text;
using Marketplace.Jobs.Domain.Postings;
using Marketplace.Skills.Taxonomy;

namespace Marketplace.Jobs.Infrastructure.Demo;

/// <summary>
/// Realistic postings for the demo and the search benchmark: backend stacks with the skills their ads ask for, salaries by
/// seniority and country in the country's currency (now and then a monthly salary or a day rate), places and remote roles,
/// and Markdown descriptions. Deterministic: the same seed and number give the same posting, id included.
/// </summary>
public sealed class DemoPostingGenerator
{
    public sealed record Stack(string Name, string[] Titles, string[] Core, string[] Extra, string[] Work);

    public sealed record City(string Name, string Country, string Currency, double Pay, double ToCurrency);

    /// <summary>A generated posting: its details, company, and when it went up (null for a draft).</summary>
    public sealed record DemoPosting(Guid Id, PostingDetails Details, DateTimeOffset? PublishedAt, PostingStatus Status, ClosingReason? ClosingReason);

    public static readonly Stack[] Stacks =
    [
        new(".NET", ["Backend Engineer (.NET)", "C# Developer", "Software Engineer, .NET APIs", ".NET Developer, Payments"],
            ["C#", "ASP.NET Core", "Entity Framework Core"], ["SQL Server", "PostgreSQL", "Azure", "Docker", "RabbitMQ", "Redis", "Azure Service Bus", "xUnit", "Hangfire", "Domain-Driven Design"],
            ["build and run the APIs behind our product", "move a monolith towards well-cut modules", "keep our background jobs fast and reliable"]),
        new("Java", ["Java Developer", "Backend Engineer (Java)", "Software Engineer, Spring", "Java Engineer, Trading Systems"],
            ["Java", "Spring Boot", "PostgreSQL"], ["Kafka", "Kubernetes", "AWS", "Hibernate", "MySQL", "JUnit", "Docker", "Microservices", "Quarkus"],
            ["design services that handle millions of requests a day", "own our event streams end to end", "keep a large codebase healthy"]),
        new("Go", ["Go Developer", "Backend Engineer (Go)", "Platform Engineer (Go)", "Software Engineer, Infrastructure"],
            ["Go", "Docker", "PostgreSQL"], ["Kubernetes", "gRPC", "Prometheus", "Terraform", "AWS", "NATS", "Redis", "Linux", "OpenTelemetry"],
            ["write the services our platform runs on", "make our APIs faster and cheaper to run", "build internal tools other teams rely on"]),
        new("Python", ["Python Developer", "Backend Engineer (Python)", "Software Engineer, Django", "Python Engineer, APIs"],
            ["Python", "PostgreSQL", "Django"], ["FastAPI", "Celery", "Redis", "Docker", "AWS", "pytest", "Flask", "REST", "Kubernetes"],
            ["build the APIs our apps talk to", "turn data pipelines into reliable services", "improve how we test and ship"]),
        new("Node.js", ["Node.js Developer", "Backend Engineer (TypeScript)", "Software Engineer, Node.js"],
            ["Node.js", "TypeScript", "PostgreSQL"], ["NestJS", "Express", "MongoDB", "GraphQL", "Docker", "AWS", "Redis", "Kafka"],
            ["build GraphQL and REST APIs for our web and mobile apps", "scale services as our users grow", "own features from design to production"]),
        new("Platform", ["Platform Engineer", "Site Reliability Engineer", "DevOps Engineer", "Cloud Engineer", "Infrastructure Engineer"],
            ["Kubernetes", "Terraform", "Linux"], ["AWS", "GCP", "Azure", "Prometheus", "Grafana", "Helm", "ArgoCD", "GitHub Actions", "Ansible", "Go", "Python", "Istio", "Vault"],
            ["run the clusters every team deploys to", "automate our infrastructure with code", "be on call for systems you made calm"]),
        new("Data", ["Data Engineer", "Analytics Engineer", "Data Platform Engineer", "Big Data Engineer"],
            ["Python", "SQL", "Apache Spark"], ["Airflow", "Kafka", "dbt", "Snowflake", "AWS", "BigQuery", "Flink", "ClickHouse", "Pandas"],
            ["build pipelines that move terabytes a day", "model data that analysts trust", "run our streaming platform"]),
        new("Rust", ["Rust Developer", "Systems Engineer (Rust)", "Backend Engineer (Rust)"],
            ["Rust", "Linux"], ["PostgreSQL", "Tokio", "Kubernetes", "gRPC", "Docker", "AWS", "Kafka"],
            ["write low-latency services", "replace hot paths with safe, fast code", "work close to the operating system"]),
        new("Ruby", ["Ruby on Rails Developer", "Backend Engineer (Ruby)", "Software Engineer, Rails"],
            ["Ruby", "Ruby on Rails", "PostgreSQL"], ["Redis", "Sidekiq", "Docker", "AWS", "GraphQL", "Elasticsearch"],
            ["ship product features every week", "keep a mature Rails app fast", "mentor developers new to the codebase"]),
        new("PHP", ["PHP Developer", "Backend Engineer (PHP)", "Laravel Developer", "Symfony Developer"],
            ["PHP", "MySQL"], ["Laravel", "Symfony", "Redis", "Docker", "Elasticsearch", "RabbitMQ", "AWS"],
            ["build the shop our customers buy from", "modernise a large PHP application", "integrate payment and shipping partners"]),
        new("Kotlin", ["Kotlin Developer", "Backend Engineer (Kotlin)", "Software Engineer, JVM"],
            ["Kotlin", "Spring Boot", "PostgreSQL"], ["Kafka", "Kubernetes", "Ktor", "AWS", "Docker", "gRPC"],
            ["build services in modern Kotlin", "design event-driven systems", "raise the bar on code review"]),
        new("Scala", ["Scala Developer", "Backend Engineer (Scala)", "Data Engineer (Scala)"],
            ["Scala", "Kafka"], ["Akka", "Apache Spark", "PostgreSQL", "Kubernetes", "AWS", "Cassandra"],
            ["build streaming services", "work on a functional codebase", "process events in real time"]),
        new("Elixir", ["Elixir Developer", "Backend Engineer (Elixir)"],
            ["Elixir", "Phoenix", "PostgreSQL"], ["Redis", "Docker", "Kubernetes", "GraphQL", "AWS"],
            ["build soft-real-time features", "keep thousands of connections alive", "grow a small, senior team"]),
    ];

    public static readonly City[] Cities =
    [
        new("Berlin", "DE", "EUR", 1.0, 1), new("Munich", "DE", "EUR", 1.08, 1), new("Hamburg", "DE", "EUR", 0.98, 1), new("Cologne", "DE", "EUR", 0.95, 1),
        new("Amsterdam", "NL", "EUR", 1.02, 1), new("Rotterdam", "NL", "EUR", 0.95, 1), new("Utrecht", "NL", "EUR", 0.97, 1),
        new("Paris", "FR", "EUR", 0.95, 1), new("Lyon", "FR", "EUR", 0.82, 1), new("Madrid", "ES", "EUR", 0.72, 1), new("Barcelona", "ES", "EUR", 0.74, 1),
        new("Lisbon", "PT", "EUR", 0.62, 1), new("Porto", "PT", "EUR", 0.58, 1), new("Dublin", "IE", "EUR", 1.05, 1), new("Milan", "IT", "EUR", 0.75, 1),
        new("Vienna", "AT", "EUR", 0.93, 1), new("Brussels", "BE", "EUR", 0.9, 1), new("Helsinki", "FI", "EUR", 0.88, 1), new("Tallinn", "EE", "EUR", 0.7, 1),
        new("Zurich", "CH", "CHF", 1.75, 0.95), new("London", "GB", "GBP", 1.05, 0.85), new("Manchester", "GB", "GBP", 0.85, 0.85),
        new("Warsaw", "PL", "PLN", 0.6, 4.3), new("Kraków", "PL", "PLN", 0.56, 4.3), new("Stockholm", "SE", "SEK", 0.88, 11.2),
        new("Copenhagen", "DK", "DKK", 1.0, 7.45), new("Oslo", "NO", "NOK", 1.0, 11.6), new("Prague", "CZ", "CZK", 0.55, 25),
        new("New York", "US", "USD", 1.65, 1.08), new("Austin", "US", "USD", 1.45, 1.08), new("Seattle", "US", "USD", 1.6, 1.08), new("Toronto", "CA", "CAD", 1.1, 1.47),
    ];

    public static readonly string[] Companies =
    [
        "Northwind Traders", "Contoso Pay", "Fabrikam Health", "Adatum Logistics", "Tailspin Travel", "Woodgrove Bank", "Litware Labs", "Proseware",
        "Wide World Importers", "Lucerne Publishing", "Alpine Ski House", "Blue Yonder Airlines", "Coho Vineyard", "Trey Research", "Fourth Coffee",
        "Humongous Insurance", "Southridge Video", "VanArsdel", "Relecloud", "Kestrel Analytics", "Quayside Energy", "Nimbus Freight", "Harbor Health",
        "Brightline Rail", "Copperleaf Games", "Fieldstone Foods", "Granite Security", "Helix Biotech", "Ironbark Robotics", "Juniper Mobility",
        "Lumen Grid", "Meridian Maps", "Northstar Telecom", "Orchard Retail", "Pinecone Media", "Quill Legal", "Riverbend Clinics", "Saltmarsh Shipping",
        "Tidewater Insurance", "Upland Agritech", "Vireo Learning", "Wavelength Audio", "Yarrow Home", "Zephyr Weather",
    ];

    private static readonly string[] EuCountries = ["DE", "NL", "FR", "ES", "PT", "IE", "IT", "AT", "BE", "FI", "EE", "PL", "SE", "DK", "CZ"];

    private static readonly string[] Offers =
    [
        "30 days of paid holiday", "a yearly learning budget", "flexible hours around core time", "a home-office budget", "a pension plan with employer match",
        "four-day weeks in summer", "parental leave beyond the legal minimum", "conference tickets and the time to go", "a calm on-call rota that pays",
        "a public transport pass", "health insurance for you and your family",
    ];

    private static readonly string[] Openings =
    [
        "{0} builds software people rely on every day.",
        "At {0} a small team ships a product used across Europe.",
        "{0} is growing its engineering team after a strong year.",
        "{0} runs systems that cannot go down, and is proud of how rarely they do.",
        "Join {0}, where engineers own what they build, from design to production.",
    ];

    private readonly int _seed;
    private readonly SkillTaxonomy _taxonomy;

    public DemoPostingGenerator(SkillTaxonomy taxonomy, int seed)
    {
        _taxonomy = taxonomy;
        _seed = seed;
    }

    /// <summary>The n-th posting's id: the same for the same seed, never a real posting's (those are time-ordered version 7).</summary>
    public Guid IdOf(int n) => new(SHA256.HashData(Encoding.UTF8.GetBytes($"demo-posting:{_seed}:{n}"))[..16]);

    /// <summary>
    /// The n-th posting, published within the 30 days before <paramref name="now"/> (most of them), a few expired, closed or
    /// still drafts, spread over <paramref name="companies"/> (the demo's names by default).
    /// </summary>
    public DemoPosting Generate(int n, DateTimeOffset now, IReadOnlyList<string>? companies = null)
    {
        var random = new Random(HashCode.Combine(_seed, n));
        var stack = Stacks[random.Next(Stacks.Length)];
        var seniority = (Seniority)Pick(random, [18, 38, 32, 12]);
        var city = Cities[random.Next(Cities.Length)];
        var mode = (WorkMode)Pick(random, [25, 40, 35]);
        var company = (companies ?? Companies)[random.Next((companies ?? Companies).Count)];

        var title = Title(random, stack, seniority);
        var skills = Skills(random, stack, seniority);
        var salary = Salary(random, seniority, city);
        IReadOnlyList<Place> places = mode == WorkMode.Remote && random.Next(3) > 0 ? [] : [new Place(city.Name, city.Country)];
        IReadOnlyList<string> accepted = mode != WorkMode.Remote ? [] : random.Next(10) switch
        {
            < 4 => [],
            < 7 => [city.Country],
            _ => [.. EuCountries.OrderBy(_ => random.Next()).Take(random.Next(3, 9)).Append(city.Country).Distinct()],
        };
        var details = new PostingDetails(title, company, Description(random, stack, company, skills, seniority), seniority, mode, places, accepted, salary, skills);

        // Mostly open postings over the last 28 days; some expired or closed, a few drafts.
        var roll = random.Next(100);
        var (status, reason, age) = roll switch
        {
            < 3 => (PostingStatus.Draft, (ClosingReason?)null, (TimeSpan?)null),
            < 7 => (PostingStatus.Expired, null, TimeSpan.FromDays(31 + random.Next(20))),
            < 11 => (PostingStatus.Closed, random.Next(2) == 0 ? ClosingReason.Filled : ClosingReason.Withdrawn, TimeSpan.FromDays(5 + random.Next(40))),
            _ => (PostingStatus.Published, null, TimeSpan.FromMinutes(random.Next(28 * 24 * 60))),
        };
        return new DemoPosting(IdOf(n), details, age is { } a ? now - a : null, status, reason);
    }

    private static int Pick(Random random, int[] weights)
    {
        var roll = random.Next(weights.Sum());
        for (var i = 0; i < weights.Length; i++)
        {
            if ((roll -= weights[i]) < 0)
            {
                return i;
            }
        }

        return weights.Length - 1;
    }

    private static string Title(Random random, Stack stack, Seniority seniority)
    {
        var role = stack.Titles[random.Next(stack.Titles.Length)];
        return seniority switch
        {
            Seniority.Junior => $"Junior {role}",
            Seniority.Senior => $"Senior {role}",
            Seniority.Lead => random.Next(2) == 0 ? $"Lead {role}" : $"Staff {role}",
            _ => role,
        };
    }

    private List<PostingSkill> Skills(Random random, Stack stack, Seniority seniority)
    {
        var level = seniority switch { Seniority.Junior => 2, Seniority.Mid => 3, Seniority.Senior => 4, _ => 4 };
        var skills = new List<PostingSkill>();
        foreach (var name in stack.Core)
        {
            skills.Add(new PostingSkill(Id(name), Math.Max(1, level - random.Next(2)), 6 + random.Next(5), Required: true, Dealbreaker: random.Next(6) == 0));
        }

        foreach (var name in stack.Extra.OrderBy(_ => random.Next()).Take(random.Next(2, 6)))
        {
            var id = Id(name);
            if (skills.Any(s => s.SkillId == id))
            {
                continue;
            }

            var required = random.Next(3) == 0;
            skills.Add(new PostingSkill(id, Math.Max(1, level - 1 - random.Next(2)), required ? 4 + random.Next(4) : 1 + random.Next(4), required));
        }

        return skills;
    }

    private string Id(string name) =>
        (_taxonomy.NormalizeOne(name) ?? throw new InvalidOperationException($"The demo skill '{name}' is not in the taxonomy.")).Id;

    private static Salary Salary(Random random, Seniority seniority, City city)
    {
        var yearlyEur = seniority switch { Seniority.Junior => 42_000, Seniority.Mid => 60_000, Seniority.Senior => 78_000, _ => 95_000 } * city.Pay
            * (0.9 + random.NextDouble() * 0.25);
        var local = yearlyEur * city.ToCurrency;
        var roll = random.Next(100);
        if (roll < 6)
        {
            // A contract role at a day rate.
            var day = Round(local / Domain.Postings.Salary.WorkingDaysPerYear * 1.6, 10);
            return new Salary(day, Round((double)day * 1.2, 10), city.Currency, SalaryPeriod.Day);
        }

        if (roll < 14 || city.Country == "PL")
        {
            var month = Round(local / 12, 100);
            return new Salary(month, Round((double)month * 1.25, 100), city.Currency, SalaryPeriod.Month);
        }

        var min = Round(local * 0.92, 1_000);
        return new Salary(min, Round((double)min * (1.15 + random.NextDouble() * 0.2), 1_000), city.Currency, SalaryPeriod.Year);
    }

    private static decimal Round(double amount, int step) => (decimal)(Math.Max(1, Math.Round(amount / step)) * step);

    private string Description(Random random, Stack stack, string company, List<PostingSkill> skills, Seniority seniority)
    {
        var names = skills.Select(s => _taxonomy.Find(s.SkillId)!.Name).ToList();
        var text = new StringBuilder();
        text.Append("## About us\n\n").Append(string.Format(System.Globalization.CultureInfo.InvariantCulture, Openings[random.Next(Openings.Length)], company)).Append("\n\n");
        text.Append("## What you will do\n\n");
        foreach (var work in stack.Work.OrderBy(_ => random.Next()))
        {
            text.Append("- ").Append(char.ToUpperInvariant(work[0])).Append(work[1..]).Append('\n');
        }

        if (seniority is Seniority.Senior or Seniority.Lead)
        {
            text.Append("- Shape technical decisions and help others grow\n");
        }

        text.Append("\n## What you bring\n\n");
        text.Append("- Experience with **").Append(string.Join("**, **", names.Take(3))).Append("**\n");
        if (names.Count > 3)
        {
            text.Append("- Bonus points for ").Append(string.Join(", ", names.Skip(3))).Append('\n');
        }

        text.Append("- Care for tests, reviews and readable code\n\n");
        text.Append("## What we offer\n\n");
        foreach (var offer in Offers.OrderBy(_ => random.Next()).Take(3))
        {
            text.Append("- ").Append(char.ToUpperInvariant(offer[0])).Append(offer[1..]).Append('\n');
        }

        return text.ToString();
    }
}
