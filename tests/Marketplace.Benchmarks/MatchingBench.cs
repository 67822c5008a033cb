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
        string? connectionString = Environment.GetEnvironmentVariable("MARKETPLACE_DB");
        if (string.IsNullOrEmpty(connectionString)) { Console.Error.WriteLine("MARKETPLACE_DB is not set (run through build/bench.sh)"); return 2; }

        var taxonomy = SkillTaxonomy.Embedded;
        Console.WriteLine($"load average at start: {LoadAverage()}");
        Console.WriteLine($"taxonomy: {taxonomy.Skills.Count} skills; {Environment.ProcessorCount} cores; profiles {profiles:N0}, postings {jobs:N0}, seed {seed}");
        var sw = Stopwatch.StartNew();
        var population = new Population(taxonomy, profiles, jobs, seed);
        Console.WriteLine($"generated in {sw.Elapsed.TotalSeconds:F1} s: {population.Profiles.Sum(p => p.Skills.Count) / (double)profiles:F1} skills a profile, "
            + $"{population.Postings.Average(p => p.Required.Count):F1} required and {population.Postings.Average(p => p.NiceToHave.Count):F1} nice-to-have a posting");

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

        var sample = Enumerable.Range(0, Math.Min(queries, jobs)).Select(i => population.Postings[(int)((long)i * jobs / Math.Min(queries, jobs))]).ToArray();

        // Engine: warm up, then time each posting's top-50.
        foreach (var p in sample.Take(20)) profileIndex.TopK(p, 50);
        var engineMs = new List<double>();
        var engineTop = new List<IReadOnlyList<RankedMatch>>();
        var engineCpu0 = Process.GetCurrentProcess().TotalProcessorTime;
        foreach (var p in sample)
        {
            long t0 = Stopwatch.GetTimestamp();
            var top = profileIndex.TopK(p, 50);
            engineMs.Add(Stopwatch.GetElapsedTime(t0).TotalMilliseconds);
            engineTop.Add(top);
        }

        double engineCpuMs = (Process.GetCurrentProcess().TotalProcessorTime - engineCpu0).TotalMilliseconds / sample.Length;

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

        double e50 = Percentile(engineMs, 50), e95 = Percentile(engineMs, 95), s50 = Percentile(sqlMs, 50), s95 = Percentile(sqlMs, 95);
        Console.WriteLine();
        Console.WriteLine($"| measure ({sample.Length} postings)              | p50 ms   | p95 ms   |");
        Console.WriteLine("|---------------------------------------|----------|----------|");
        Console.WriteLine($"| engine top-50 (ProfileIndex)          | {e50,8:F3} | {e95,8:F3} |");
        Console.WriteLine($"| PostgreSQL top-50 (same model in SQL) | {s50,8:F1} | {s95,8:F1} |");
        Console.WriteLine();
        Console.WriteLine($"engine mean CPU time a posting (process CPU, less sensitive to other processes): {engineCpuMs:F3} ms");
        Console.WriteLine($"speedup (SQL p50 / engine p50): {s50 / e50:F0}x");
        Console.WriteLine($"agreement: {identical} identical (ids, order, scores within 1e-9), {tiesOnly} differ only inside float ties, {differ} differ; max score delta {maxDelta:G3}");
        if (firstDifference is not null) Console.WriteLine($"first difference: {firstDifference}");
        Console.WriteLine($"full rematch: top-50 for {jobs:N0} postings and top-20 for {profiles:N0} profiles in {rematchS:F2} s "
            + $"({all.CandidatesByPosting.Count + all.PostingsByProfile.Count:N0} lists); process CPU time {rematchCpuS:F1} s on {Environment.ProcessorCount} cores");
        Console.WriteLine($"index memory: {indexMb:F1} MB");
        Console.WriteLine($"load average at end: {LoadAverage()} (other processes share these cores; wall-clock figures include their interference)");
        Console.WriteLine(JsonSerializer.Serialize(new Dictionary<string, object>
        {
            ["engine_top50_p50_ms"] = Math.Round(e50, 4),
            ["engine_top50_p95_ms"] = Math.Round(e95, 4),
            ["sql_top50_p50_ms"] = Math.Round(s50, 2),
            ["speedup_vs_sql"] = Math.Round(s50 / e50, 1),
            ["full_rematch_s"] = Math.Round(rematchS, 2),
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

    private static string LoadAverage()
    {
        try { return File.ReadAllText("/proc/loadavg").Trim(); }
        catch (IOException) { return "unknown"; }
        catch (UnauthorizedAccessException) { return "unknown"; }
    }

    private static double Percentile(List<double> values, double p)
    {
        var sorted = values.Order().ToArray();
        double rank = p / 100 * (sorted.Length - 1);
        int lo = (int)Math.Floor(rank), hi = (int)Math.Ceiling(rank);
        return sorted[lo] + (sorted[hi] - sorted[lo]) * (rank - lo);
    }
}
