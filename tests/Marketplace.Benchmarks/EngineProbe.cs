using System.Diagnostics;
using System.Globalization;
using Marketplace.Skills.Matching;
using Marketplace.Skills.Taxonomy;

namespace Marketplace.Benchmarks;

/// <summary>`engine` mode: the engine alone (no PostgreSQL), with timed sections of the rematch, for profiling.</summary>
public static class EngineProbe
{
    public static int Run(string[] args)
    {
        int profiles = 100_000, jobs = 10_000, seed = 42, queries = 250;
        for (int i = 0; i + 1 < args.Length; i += 2)
        {
            int value = int.Parse(args[i + 1], CultureInfo.InvariantCulture);
            switch (args[i])
            {
                case "--profiles": profiles = value; break;
                case "--jobs": jobs = value; break;
                case "--seed": seed = value; break;
                case "--queries": queries = value; break;
                default: Console.Error.WriteLine($"unknown option {args[i]}"); return 2;
            }
        }
        var taxonomy = SkillTaxonomy.Embedded;
        var population = new Population(taxonomy, profiles, jobs, seed);
        var profileIndex = ProfileIndex.Build(taxonomy, population.Profiles);
        var postingIndex = PostingIndex.Build(taxonomy, population.Postings);
        var sample = Enumerable.Range(0, Math.Min(queries, jobs)).Select(i => population.Postings[(int)((long)i * jobs / Math.Min(queries, jobs))]).ToArray();
        foreach (var p in sample.Take(20)) profileIndex.TopK(p, 50);
        var ms = new List<double>();
        var cpu0 = Process.GetCurrentProcess().TotalProcessorTime;
        foreach (var p in sample)
        {
            long t0 = Stopwatch.GetTimestamp();
            profileIndex.TopK(p, 50);
            ms.Add(Stopwatch.GetElapsedTime(t0).TotalMilliseconds);
        }
        double cpuMs = (Process.GetCurrentProcess().TotalProcessorTime - cpu0).TotalMilliseconds / sample.Length;
        ms.Sort();
        Console.WriteLine($"topk p50 {ms[ms.Count / 2]:F3} ms p95 {ms[ms.Count * 95 / 100]:F3} ms cpu/query {cpuMs:F3} ms");
        var compiled = sample.Select(p => new Marketplace.Skills.Scoring.CompiledPosting(p, taxonomy)).ToArray();
        foreach (var c in compiled.Take(20)) profileIndex.TopKDense(c, 50);
        var dense = new List<double>();
        int mismatches = 0;
        foreach (var c in compiled)
        {
            long t0 = Stopwatch.GetTimestamp();
            var top = profileIndex.TopKDense(c, 50);
            dense.Add(Stopwatch.GetElapsedTime(t0).TotalMilliseconds);
            if (!top.SequenceEqual(profileIndex.TopK(c, 50))) mismatches++;
        }
        dense.Sort();
        Console.WriteLine($"dense topk p50 {dense[dense.Count / 2]:F3} ms p95 {dense[dense.Count * 95 / 100]:F3} ms; {mismatches} differ from TopK");
        var mix = Enumerable.Range(0, postingIndex.Count).Select(j => profileIndex.EntryMix(postingIndex.CompiledAt(j))).ToArray();
        Console.WriteLine($"list entries a posting: effective {mix.Average(x => x.Effective):F0}, related {mix.Average(x => x.Related):F0}; terms with related skills {mix.Average(x => x.RelatedTerms):F1}");
        var pcpu0 = Process.GetCurrentProcess().TotalProcessorTime;
        long tp = Stopwatch.GetTimestamp();
        foreach (var p in population.Profiles.Take(5000)) postingIndex.TopK(p, 20);
        Console.WriteLine($"posting topk for 5000 profiles {Stopwatch.GetElapsedTime(tp).TotalSeconds:F2} s cpu {(Process.GetCurrentProcess().TotalProcessorTime - pcpu0).TotalSeconds:F2} s");
        GC.Collect();
        var rcpu0 = Process.GetCurrentProcess().TotalProcessorTime;
        long tr = Stopwatch.GetTimestamp();
        Rematch.All(profileIndex, postingIndex, 50, 20);
        Console.WriteLine($"rematch {Stopwatch.GetElapsedTime(tr).TotalSeconds:F2} s cpu {(Process.GetCurrentProcess().TotalProcessorTime - rcpu0).TotalSeconds:F2} s; load {File.ReadAllText("/proc/loadavg").Trim()}");
        if (Environment.GetEnvironmentVariable("PROBE_SECTIONS") == "1") Rematch.Probe(profileIndex, postingIndex);
        return 0;
    }
}
