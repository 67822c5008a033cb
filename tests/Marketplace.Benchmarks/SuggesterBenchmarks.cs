using BenchmarkDotNet.Attributes;
using Marketplace.Skills.Taxonomy;

namespace Marketplace.Benchmarks;

/// <summary>The skill picker's typeahead on the embedded taxonomy: one character (the widest prefix), a word, an exact alias, a miss.</summary>
[MemoryDiagnoser]
public class SuggesterBenchmarks
{
    private SkillTaxonomy _t = null!;

    [Params("c", "postg", "asp.net co", "k8s", "zzqx")]
    public string Typed { get; set; } = "";

    [GlobalSetup]
    public void Setup()
    {
        _t = SkillTaxonomy.Embedded;
        _t.Suggest("warm up");
    }

    [Benchmark]
    public int Suggest() => _t.Suggest(Typed, 8).Count;
}
