using System.Text;
using BenchmarkDotNet.Attributes;
using Marketplace.Skills.Scoring;
using Marketplace.Skills.Taxonomy;

namespace Marketplace.Benchmarks;

/// <summary>Normalization, extraction and scoring on the embedded taxonomy.</summary>
[MemoryDiagnoser]
public class MicroBenchmarks
{
    private static readonly string[] Mentions =
        ["C#", "postgres", "PostgreSQL 15", "Microsoft ASP.NET Core", "Java 17", "Python3", ".NET 8", "k8s", "node js", "Cobol 85", "Amazon Web Services", "unit tests"];

    private const string Cv = "Senior backend engineer with 7 years of C# and .NET, ASP.NET Core Web API, Entity Framework Core and PostgreSQL 15. "
        + "Built microservices on Kubernetes (k8s) with Docker, Helm and GitHub Actions; messaging with RabbitMQ and Apache Kafka. "
        + "Some Go and Python3 scripting, Redis caching, Grafana and Prometheus for observability. We go to the meeting next week in spring. ";

    private SkillTaxonomy _t = null!;
    private string _tenKb = "";
    private string _oneMb = "";
    private Scorer _scorer = null!;
    private Profile _profile = null!;
    private Posting _posting = null!;

    [GlobalSetup]
    public void Setup()
    {
        _t = SkillTaxonomy.Embedded;
        _t.Normalize("warm up");
        _t.Extract("warm up");
        _tenKb = Repeat(10_000);
        _oneMb = Repeat(1_000_000);
        _scorer = new Scorer(_t);
        var population = new Population(_t, 1, 1, 7);
        _profile = population.Profiles[0];
        _posting = population.Postings[0];
    }

    private static string Repeat(int size)
    {
        var sb = new StringBuilder(size + Cv.Length);
        while (sb.Length < size) sb.Append(Cv);
        return sb.ToString();
    }

    [Benchmark(Description = "Normalize 12 mentions")]
    public int Normalize()
    {
        int found = 0;
        foreach (string m in Mentions) found += _t.Normalize(m).Count;
        return found;
    }

    [Benchmark(Description = "Extract 10 KB")]
    public int Extract10Kb() => _t.Extract(_tenKb).Count;

    [Benchmark(Description = "Extract 1 MB")]
    public int Extract1Mb() => _t.Extract(_oneMb).Count;

    [Benchmark(Description = "Load the embedded taxonomy")]
    public int Load() => SkillTaxonomy.LoadEmbeddedResult().Taxonomy!.AliasCount;

    [Benchmark(Description = "Load, then first Normalize and Extract")]
    public int LoadAndWarm()
    {
        var t = SkillTaxonomy.LoadEmbeddedResult().Taxonomy!;
        return (t.Normalize("C#") is null ? 0 : 1) + t.Extract("C# and Go").Count;
    }

    [Benchmark(Description = "Score one pair")]
    public double Score() => _scorer.Score(_profile, _posting);

    [Benchmark(Description = "Explain one pair")]
    public int Explain() => _scorer.Explain(_profile, _posting).Skills.Count;
}
