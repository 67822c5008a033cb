using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using Marketplace.Skills.Matching;
using Marketplace.Skills.Scoring;
using Marketplace.Skills.Taxonomy;
using Npgsql;

namespace Marketplace.Benchmarks;

/// <summary>`bench.sh matching`: engine top-50 vs the same top-50 from PostgreSQL, a full rematch and the index's memory; ends with one JSON line.</summary>
public static class MatchingBench
{
    public static async Task<int> RunAsync(string[] args)
    {
        if (BenchOptions.Parse(args) is not { } options) return 2;
        int profiles = options.Profiles, jobs = options.Jobs;
        string? connectionString = Environment.GetEnvironmentVariable("MARKETPLACE_DB");
        if (string.IsNullOrEmpty(connectionString)) { Console.Error.WriteLine("MARKETPLACE_DB is not set (run through build/bench.sh)"); return 2; }

        var taxonomy = options.LoadTaxonomy();
        Console.WriteLine($"load average at start: {Measure.LoadAverage()}");
        Console.WriteLine($"taxonomy: {taxonomy.Skills.Count} skills; {Environment.ProcessorCount} cores; profiles {profiles:N0}, postings {jobs:N0}, seed {options.Seed}");
        var sw = Stopwatch.StartNew();
        var population = new Population(taxonomy, profiles, jobs, options.Seed);
        Console.WriteLine($"generated in {sw.Elapsed.TotalSeconds:F1} s: {population.Describe()}");

        GC.Collect(); GC.WaitForPendingFinalizers(); GC.Collect();
        long before = GC.GetTotalMemory(true);
        sw.Restart();
        var profileIndex = ProfileIndex.Build(taxonomy, population.Profiles);
        var postingIndex = PostingIndex.Build(taxonomy, population.Postings);
        double buildS = sw.Elapsed.TotalSeconds;
        profileIndex.TopK(population.Postings[0], 50);
        postingIndex.TopK(population.Profiles[0], 20);
        long after = GC.GetTotalMemory(true);
        double indexMb = (after - before) / 1024.0 / 1024.0;
        Console.WriteLine($"indexes built in {buildS:F2} s; memory {indexMb:F1} MB (both indexes and one thread's scratch; estimate of the profile index alone {profileIndex.EstimatedBytes / 1048576.0:F1} MB)");

        var sample = options.Sample(population.Postings);

        // Engine: warm up, then time each posting's top-50.
        foreach (var p in sample.Take(20)) profileIndex.TopK(p, 50);
        var engineTop = new List<IReadOnlyList<RankedMatch>>();
        var (engineMs, engineCpu) = EngineProbe.Time(sample, p => engineTop.Add(profileIndex.TopK(p, 50)));

        // PostgreSQL: load, warm up, time the same postings.
        var sql = new SqlMatcher(connectionString, taxonomy);
        sw.Restart();
        await sql.LoadAsync(population.Profiles);
        Console.WriteLine($"PostgreSQL loaded (binary COPY, primary key (skill_id, profile_id) INCLUDE (level), ANALYZE) in {sw.Elapsed.TotalSeconds:F1} s");
        var sqlMs = new List<double>();
        int identical = 0, tiesOnly = 0, differ = 0;
        double maxDelta = 0;
        string? firstDifference = null;
        await using (var conn = new NpgsqlConnection(connectionString))
        {
            await conn.OpenAsync();
            foreach (var p in sample.Take(10)) await sql.TopKAsync(conn, p, 50);
            for (int i = 0; i < sample.Length; i++)
            {
                long t0 = Stopwatch.GetTimestamp();
                var top = await sql.TopKAsync(conn, sample[i], 50);
                sqlMs.Add(Stopwatch.GetElapsedTime(t0).TotalMilliseconds);
                var verdict = Compare(engineTop[i], top, ref maxDelta);
                if (verdict == 0) identical++;
                else if (verdict == 1) tiesOnly++;
                else { differ++; firstDifference ??= $"{sample[i].Id}: engine [{string.Join(", ", engineTop[i].Take(5))}...] sql [{string.Join(", ", top.Take(5))}...]"; }
            }
        }

        // Full rematch on all cores.
        GC.Collect();
        var rematchCpu0 = Process.GetCurrentProcess().TotalProcessorTime;
        sw.Restart();
        var all = Rematch.All(profileIndex, postingIndex, 50, 20);
        double rematchS = sw.Elapsed.TotalSeconds;
        double rematchCpuS = (Process.GetCurrentProcess().TotalProcessorTime - rematchCpu0).TotalSeconds;

        double e50 = Measure.Percentile(engineMs, 50), e95 = Measure.Percentile(engineMs, 95), s50 = Measure.Percentile(sqlMs, 50), s95 = Measure.Percentile(sqlMs, 95);
        double eCpu50 = Measure.Percentile(engineCpu, 50);
        Console.WriteLine();
        Console.WriteLine($"| measure ({sample.Length} postings)              | p50 ms   | p95 ms   |");
        Console.WriteLine("|---------------------------------------|----------|----------|");
        Console.WriteLine($"| engine top-50 (ProfileIndex)          | {e50,8:F3} | {e95,8:F3} |");
        Console.WriteLine($"| PostgreSQL top-50 (same model in SQL) | {s50,8:F1} | {s95,8:F1} |");
        Console.WriteLine();
        Console.WriteLine($"engine top-50 thread CPU time p50 (what other processes change least): {eCpu50:F3} ms");
        Console.WriteLine($"speedup (SQL p50 / engine p50): {s50 / e50:F0}x");
        Console.WriteLine($"agreement: {identical} identical (ids, order, scores within 1e-9), {tiesOnly} differ only inside float ties, {differ} differ; max score delta {maxDelta:G3}");
        if (firstDifference is not null) Console.WriteLine($"first difference: {firstDifference}");
        Console.WriteLine($"full rematch: top-50 for {jobs:N0} postings and top-20 for {profiles:N0} profiles in {rematchS:F2} s "
            + $"({all.CandidatesByPosting.Count + all.PostingsByProfile.Count:N0} lists); process CPU time {rematchCpuS:F1} s on {Environment.ProcessorCount} cores");
        Console.WriteLine($"index memory: {indexMb:F1} MB");
        Console.WriteLine($"load average at end: {Measure.LoadAverage()} (other processes share these cores; wall-clock figures include their interference)");
        Console.WriteLine(JsonSerializer.Serialize(new Dictionary<string, object>
        {
            ["engine_top50_p50_ms"] = Math.Round(e50, 4),
            ["engine_top50_p95_ms"] = Math.Round(e95, 4),
            ["engine_top50_cpu_p50_ms"] = Math.Round(eCpu50, 4),
            ["sql_top50_p50_ms"] = Math.Round(s50, 2),
            ["speedup_vs_sql"] = Math.Round(s50 / e50, 1),
            ["full_rematch_s"] = Math.Round(rematchS, 2),
            ["full_rematch_cpu_s"] = Math.Round(rematchCpuS, 2),
            ["index_mb"] = Math.Round(indexMb, 1),
            ["profiles"] = profiles,
            ["jobs"] = jobs,
        }));
        return differ == 0 ? 0 : 1;
    }

    // 0 identical; 1 the same up to the order or membership of entries whose scores tie within 1e-9; 2 different.
    private static int Compare(IReadOnlyList<RankedMatch> engine, IReadOnlyList<RankedMatch> sql, ref double maxDelta)
    {
        if (engine.Count != sql.Count) return 2;
        bool same = true;
        for (int i = 0; i < engine.Count; i++)
        {
            double d = Math.Abs(engine[i].Score - sql[i].Score);
            maxDelta = Math.Max(maxDelta, d);
            if (d > 1e-9) return 2;
            if (engine[i].Id != sql[i].Id) same = false;
        }
        return same ? 0 : 1;
    }
}
