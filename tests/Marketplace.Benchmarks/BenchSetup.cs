using System.Globalization;
using System.Runtime.InteropServices;
using Marketplace.Skills.Taxonomy;

namespace Marketplace.Benchmarks;

/// <summary>The options both engine benchmarks take: population size and seed, timed queries, repeated runs, another taxonomy.</summary>
public sealed record BenchOptions(int Profiles, int Jobs, int Seed, int Queries, int Runs, string? TaxonomyDirectory)
{
    public static BenchOptions? Parse(string[] args)
    {
        int profiles = 100_000, jobs = 10_000, seed = 42, queries = 250, runs = 1;
        string? taxonomy = null;
        for (int i = 0; i + 1 < args.Length; i += 2)
        {
            if (args[i] == "--taxonomy") { taxonomy = args[i + 1]; continue; }
            if (!int.TryParse(args[i + 1], NumberStyles.Integer, CultureInfo.InvariantCulture, out int value) || value < 0)
            {
                Console.Error.WriteLine($"{args[i]} needs a whole number, not '{args[i + 1]}'");
                return null;
            }
            switch (args[i])
            {
                case "--profiles": profiles = value; break;
                case "--jobs": jobs = value; break;
                case "--seed": seed = value; break;
                case "--queries": queries = value; break;
                case "--runs": runs = Math.Max(1, value); break;
                default: Console.Error.WriteLine($"unknown option {args[i]}"); return null;
            }
        }
        return new BenchOptions(profiles, jobs, seed, queries, runs, taxonomy);
    }

    /// <summary>The embedded taxonomy, or the *.json files of --taxonomy (to see how the engine does on a grown taxonomy).</summary>
    public SkillTaxonomy LoadTaxonomy()
    {
        if (TaxonomyDirectory is null) return SkillTaxonomy.Embedded;
        var files = Directory.GetFiles(TaxonomyDirectory, "*.json").Order(StringComparer.Ordinal).Select(f => (Path.GetFileName(f), File.ReadAllText(f)));
        var result = TaxonomyLoader.FromJson(files);
        if (!result.IsSuccess) throw new InvalidDataException(string.Join(Environment.NewLine, result.Errors));
        return result.Taxonomy!;
    }

    /// <summary>Evenly spread postings of the population, the ones whose top-k is timed.</summary>
    public T[] Sample<T>(T[] postings)
    {
        int n = Math.Min(Queries, postings.Length);
        return [.. Enumerable.Range(0, n).Select(i => postings[(int)((long)i * postings.Length / n)])];
    }
}

/// <summary>Clocks and figures for the benchmarks: the calling thread's CPU time (what load from other processes changes least), the
/// load average, percentiles.</summary>
public static partial class Measure
{
    [StructLayout(LayoutKind.Sequential)]
    private struct TimeSpec
    {
        public long Seconds;
        public long Nanoseconds;
    }

    [LibraryImport("libc", EntryPoint = "clock_gettime")]
    private static partial int ClockGetTime(int clock, out TimeSpec time);

    private const int ThreadCpuClock = 3;

    /// <summary>CPU time of the calling thread in milliseconds (NaN where the clock is not available).</summary>
    public static double ThreadCpuMs()
    {
        try { return ClockGetTime(ThreadCpuClock, out var t) == 0 ? t.Seconds * 1e3 + t.Nanoseconds / 1e6 : double.NaN; }
        catch (DllNotFoundException) { return double.NaN; }
        catch (EntryPointNotFoundException) { return double.NaN; }
    }

    public static string LoadAverage()
    {
        try { return File.ReadAllText("/proc/loadavg").Trim(); }
        catch (IOException) { return "unknown"; }
        catch (UnauthorizedAccessException) { return "unknown"; }
    }

    public static double Percentile(IEnumerable<double> values, double p)
    {
        var sorted = values.Order().ToArray();
        if (sorted.Length == 0) return double.NaN;
        double rank = p / 100 * (sorted.Length - 1);
        int lo = (int)Math.Floor(rank), hi = (int)Math.Ceiling(rank);
        return sorted[lo] + (sorted[hi] - sorted[lo]) * (rank - lo);
    }
}
