using System.Diagnostics;
using System.Text.Json;
using Marketplace.Skills.Matching;
using Marketplace.Skills.Scoring;

namespace Marketplace.Benchmarks;

/// <summary>`engine` mode: the engine alone (no PostgreSQL): top-50 per posting (wall and thread CPU), top-20 per profile, the full
/// rematch (wall and process CPU), updates; each timed part repeated --runs times, ending with one JSON line of medians.</summary>
public static class EngineProbe
{
    public static int Run(string[] args)
    {
        if (BenchOptions.Parse(args) is not { } options) return 2;
        Console.WriteLine($"load average at start: {Measure.LoadAverage()}");
        var taxonomy = options.LoadTaxonomy();
        var population = new Population(taxonomy, options.Profiles, options.Jobs, options.Seed);
        Console.WriteLine($"taxonomy: {taxonomy.Skills.Count} skills, {taxonomy.AliasCount} aliases; {Environment.ProcessorCount} cores; "
            + $"profiles {options.Profiles:N0}, postings {options.Jobs:N0}, seed {options.Seed}; {population.Describe()}");
        var sw = Stopwatch.StartNew();
        var profileIndex = ProfileIndex.Build(taxonomy, population.Profiles);
        double buildProfilesS = sw.Elapsed.TotalSeconds;
        sw.Restart();
        var postingIndex = PostingIndex.Build(taxonomy, population.Postings);
        Console.WriteLine($"indexes built in {buildProfilesS:F2} s (profiles) and {sw.Elapsed.TotalSeconds:F2} s (postings); "
            + $"profile index {profileIndex.EstimatedBytes / 1048576.0:F1} MB, posting index {postingIndex.EstimatedBytes / 1048576.0:F1} MB");

        var sample = options.Sample(population.Postings);
        var profileSample = options.Sample(population.Profiles);
        Sections(profileIndex, sample);
        if (Environment.GetEnvironmentVariable("PROBE_SECTIONS") == "1") RematchSections(profileIndex, postingIndex);
        foreach (var p in sample.Take(20)) profileIndex.TopK(p, 50);
        var runs = new List<(double P50, double P95, double CpuP50, double ProfileP50, double RematchS, double RematchCpuS)>();
        for (int run = 0; run < options.Runs; run++)
        {
            var (wall, cpu) = Time(sample, p => profileIndex.TopK(p, 50));
            var (profileWall, _) = Time(profileSample, p => postingIndex.TopK(p, 20));
            GC.Collect();
            var rematchCpu0 = Process.GetCurrentProcess().TotalProcessorTime;
            sw.Restart();
            Rematch.All(profileIndex, postingIndex, 50, 20);
            double rematchS = sw.Elapsed.TotalSeconds, rematchCpuS = (Process.GetCurrentProcess().TotalProcessorTime - rematchCpu0).TotalSeconds;
            runs.Add((Measure.Percentile(wall, 50), Measure.Percentile(wall, 95), Measure.Percentile(cpu, 50), Measure.Percentile(profileWall, 50), rematchS, rematchCpuS));
            var r = runs[^1];
            Console.WriteLine($"run {run + 1}: top-50 p50 {r.P50:F3} ms, p95 {r.P95:F3} ms, thread CPU p50 {r.CpuP50:F3} ms; top-20 postings for a profile p50 {r.ProfileP50:F3} ms; "
                + $"full rematch {r.RematchS:F2} s, process CPU {r.RematchCpuS:F2} s; load {Measure.LoadAverage()}");
        }

        // Updates: replace profiles one at a time through Apply (the delta is rebuilt each time; a merge now and then).
        var updates = new List<double>();
        var index = profileIndex;
        var rng = new Random(options.Seed);
        for (int i = 0; i < Math.Min(2000, population.Profiles.Length); i++)
        {
            var changed = population.Profiles[rng.Next(population.Profiles.Length)] with { Seniority = Seniority.Lead };
            long t0 = Stopwatch.GetTimestamp();
            index = index.With(changed);
            updates.Add(Stopwatch.GetElapsedTime(t0).TotalMilliseconds);
        }
        var (afterUpdates, _) = Time(sample, p => index.TopK(p, 50));
        Console.WriteLine($"2,000 single-profile updates: mean {updates.Average():F2} ms, p50 {Measure.Percentile(updates, 50):F2} ms, max {updates.Max():F0} ms (a merge); "
            + $"top-50 p50 afterwards {Measure.Percentile(afterUpdates, 50):F3} ms");
        // Kept lists: a profile or a posting changes, and the lists it can change follow.
        var lists = MatchLists.Build(profileIndex, postingIndex);
        var profileChanges = new List<double>();
        var postingChanges = new List<double>();
        long touched = 0;
        for (int i = 0; i < 200; i++)
        {
            var profile = population.Profiles[rng.Next(population.Profiles.Length)];
            var changed = profile with { Skills = [.. profile.Skills.Select(s => s with { Level = Math.Min(5, s.Level + 1) })] };
            long t0 = Stopwatch.GetTimestamp();
            var changes = lists.Apply([changed], [], [], []);
            profileChanges.Add(Stopwatch.GetElapsedTime(t0).TotalMilliseconds);
            touched += changes.Postings.Count + changes.Profiles.Count;
        }
        for (int i = 0; i < 20; i++)
        {
            var posting = population.Postings[rng.Next(population.Postings.Length)];
            long t0 = Stopwatch.GetTimestamp();
            var changes = lists.Apply([], [], [posting with { Seniority = null }], []);
            postingChanges.Add(Stopwatch.GetElapsedTime(t0).TotalMilliseconds);
            touched += changes.Postings.Count + changes.Profiles.Count;
        }
        Console.WriteLine($"kept lists: a changed profile {Measure.Percentile(profileChanges, 50):F2} ms p50 ({profileChanges.Average():F2} mean), "
            + $"a changed posting {Measure.Percentile(postingChanges, 50):F1} ms p50; {touched / 220.0:F1} lists changed an update");
        Console.WriteLine($"load average at end: {Measure.LoadAverage()}");

        double Median(Func<(double P50, double P95, double CpuP50, double ProfileP50, double RematchS, double RematchCpuS), double> f) =>
            Math.Round(Measure.Percentile(runs.Select(f), 50), 4);
        Console.WriteLine(JsonSerializer.Serialize(new Dictionary<string, object>
        {
            ["engine_top50_p50_ms"] = Median(r => r.P50),
            ["engine_top50_p95_ms"] = Median(r => r.P95),
            ["engine_top50_cpu_p50_ms"] = Median(r => r.CpuP50),
            ["profile_top20_p50_ms"] = Median(r => r.ProfileP50),
            ["rematch_scoring_s"] = Median(r => r.RematchS),
            ["rematch_cpu_s"] = Median(r => r.RematchCpuS),
            ["update_mean_ms"] = Math.Round(updates.Average(), 3),
            ["kept_lists_profile_change_p50_ms"] = Math.Round(Measure.Percentile(profileChanges, 50), 3),
            ["kept_lists_posting_change_p50_ms"] = Math.Round(Measure.Percentile(postingChanges, 50), 3),
            ["runs"] = options.Runs,
            ["skills"] = taxonomy.Skills.Count,
            ["profiles"] = options.Profiles,
            ["jobs"] = options.Jobs,
        }));
        return 0;
    }

    // Where a top-50 query's time goes (thread CPU, the sample run three ways): the 16-bit sums alone, sums and the vectorized pass,
    // the whole query with the exact scores of the few left.
    private static void Sections(ProfileIndex index, Posting[] sample)
    {
        var scratch = ScanScratch.Current;
        var prepared = sample.Select(p => new ScanPosting(new CompiledPosting(p, index.Taxonomy))).ToArray();
        var tables = prepared.Select(p => index.Segments.Select(view => new SegmentTables(p, view.Segment)).ToArray()).ToArray();
        long entries = 0, candidates = 0;
        double summing = 0, scanning = 0, whole = 0;
        for (int round = 0; round < 2; round++)
        {
            entries = candidates = 0;
            double c0 = Measure.ThreadCpuMs();
            for (int q = 0; q < prepared.Length; q++)
                for (int s = 0; s < index.Segments.Length; s++)
                {
                    var segment = index.Segments[s].Segment;
                    for (int t = 0; t < prepared[q].Terms; t++) entries += segment.ListStart[prepared[q].Skill[t] + 1] - segment.ListStart[prepared[q].Skill[t]];
                    for (int block = 0; block < segment.Blocks; block++)
                    {
                        DenseScan.Accumulate(segment, block, prepared[q], tables[q][s], scratch.Acc, scratch.Met);
                        Array.Clear(scratch.Acc);
                        Array.Clear(scratch.Met);
                    }
                }
            double c1 = Measure.ThreadCpuMs();
            for (int q = 0; q < prepared.Length; q++)
            {
                scratch.Candidates.Reset(50);
                for (int s = 0; s < index.Segments.Length; s++)
                {
                    var (segment, removed) = index.Segments[s];
                    for (int block = 0; block < segment.Blocks; block++)
                    {
                        DenseScan.Accumulate(segment, block, prepared[q], tables[q][s], scratch.Acc, scratch.Met);
                        DenseScan.Scan(segment, block, prepared[q], tables[q][s], scratch.Acc, scratch.Met, removed, scratch.Candidates, s, null, 0);
                    }
                }
                scratch.Candidates.Prune();
                candidates += scratch.Candidates.Count;
            }
            double c2 = Measure.ThreadCpuMs();
            foreach (var posting in sample) index.TopK(posting, 50);
            double c3 = Measure.ThreadCpuMs();
            (summing, scanning, whole) = (c1 - c0, c2 - c1 - (c1 - c0), c3 - c2);
        }
        int n = sample.Length;
        Console.WriteLine($"a top-50 query on average: {entries / n:N0} list entries summed, "
            + $"{candidates / (double)n:F0} scored exactly; thread CPU {summing / n:F3} ms summing, {scanning / n:F3} ms scanning, "
            + $"{(whole - summing - scanning) / n:F3} ms the rest (exact scores, tables), {whole / n:F3} ms in all");
    }

    // Where the rematch's time goes, on one thread over the first 2,000 postings and every block: the sums alone, then sums and the
    // scan feeding both sides (each posting's shared threshold and each profile's own), as the rematch does.
    private static void RematchSections(ProfileIndex index, PostingIndex postings)
    {
        int m = Math.Min(2000, postings.Count);
        var scratch = ScanScratch.Current;
        var prepared = Enumerable.Range(0, m).Select(j => new ScanPosting(postings.CompiledAt(j))).ToArray();
        var tables = prepared.Select(p => index.Segments.Select(view => new SegmentTables(p, view.Segment)).ToArray()).ToArray();
        double c0 = Measure.ThreadCpuMs();
        for (int s = 0; s < index.Segments.Length; s++)
            for (int block = 0; block < index.Segments[s].Segment.Blocks; block++)
                for (int j = 0; j < m; j++)
                {
                    DenseScan.Accumulate(index.Segments[s].Segment, block, prepared[j], tables[j][s], scratch.Acc, scratch.Met);
                    Array.Clear(scratch.Acc);
                    Array.Clear(scratch.Met);
                }
        double c1 = Measure.ThreadCpuMs();
        var shared = Enumerable.Range(0, m).Select(_ => Array.Empty<int>()).ToArray();
        var buffer = new List<int>();
        long admitted = 0;
        for (int s = 0; s < index.Segments.Length; s++)
        {
            var (segment, removed) = index.Segments[s];
            var side = new ProfileCandidates(segment.Count, 20);
            for (int block = 0; block < segment.Blocks; block++)
                for (int j = 0; j < m; j++)
                {
                    scratch.Candidates.Reset(50, shared[j]);
                    DenseScan.Accumulate(segment, block, prepared[j], tables[j][s], scratch.Acc, scratch.Met);
                    DenseScan.Scan(segment, block, prepared[j], tables[j][s], scratch.Acc, scratch.Met, removed, scratch.Candidates, s, side, j);
                    shared[j] = scratch.Candidates.MergeLowerBounds(shared[j], 50, buffer) ?? shared[j];
                    admitted += scratch.Candidates.Count;
                }
        }
        double c2 = Measure.ThreadCpuMs();
        Console.WriteLine($"rematch sections over {m:N0} postings (one thread): {(c1 - c0) / m:F3} ms summing, {(c2 - c1 - (c1 - c0)) / m:F3} ms scanning "
            + $"(both sides), {(c2 - c1) / m:F3} ms a posting in all; {admitted / (double)m:F0} posting-side admissions a posting");
    }

    /// <summary>Wall-clock and thread-CPU milliseconds of each call.</summary>
    public static (List<double> Wall, List<double> Cpu) Time<T>(IEnumerable<T> items, Action<T> action)
    {
        var wall = new List<double>();
        var cpu = new List<double>();
        foreach (var item in items)
        {
            double c0 = Measure.ThreadCpuMs();
            long t0 = Stopwatch.GetTimestamp();
            action(item);
            wall.Add(Stopwatch.GetElapsedTime(t0).TotalMilliseconds);
            cpu.Add(Measure.ThreadCpuMs() - c0);
        }
        return (wall, cpu);
    }
}
