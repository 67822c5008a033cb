namespace Marketplace.Skills.Matching;

/// <summary>The result of a full rematch: top candidates per posting and top postings per profile, by id.</summary>
public sealed record RematchResult(
    IReadOnlyDictionary<string, IReadOnlyList<RankedMatch>> CandidatesByPosting,
    IReadOnlyDictionary<string, IReadOnlyList<RankedMatch>> PostingsByProfile);

/// <summary>Rematches everything on all cores: the top candidates for every posting and the top postings for every profile.</summary>
/// <remarks>
/// The profiles are cut into cache-sized ranges (a multiple of the core count); each range takes every posting once (the dense
/// <see cref="ProfileIndex"/> query restricted to the range) and its single pass over the range feeds both the posting's heap and each
/// profile's own heap of postings, so every pair is scored at most once. The per-range top candidates of a posting are merged at the
/// end; the result equals the single queries.
/// </remarks>
public static class Rematch
{
    public static RematchResult All(ProfileIndex profiles, PostingIndex postings, int candidatesPerPosting = 50, int postingsPerProfile = 20) =>
        All(profiles, postings, candidatesPerPosting, postingsPerProfile, DefaultParts(profiles.Count));

    // At least one range per core, and ranges small enough that a range's dense sums stay in a core's cache.
    private static int DefaultParts(int profiles)
    {
        int perCore = Math.Max(1, Math.Min(Environment.ProcessorCount, profiles / 1024 + 1));
        int parts = Math.Max(perCore, (profiles + RangeSize - 1) / RangeSize);
        // A multiple of the core count, so no core is left with one range more than the others at the end.
        return (parts + perCore - 1) / perCore * perCore;
    }

    private const int RangeSize = 16_384;

    internal static RematchResult All(ProfileIndex profiles, PostingIndex postings, int candidatesPerPosting, int postingsPerProfile, int parts)
    {
        if (!ReferenceEquals(profiles.Taxonomy, postings.Taxonomy)) throw new ArgumentException("both indexes must use the same taxonomy");
        int n = profiles.Count, m = postings.Count;
        var profileHeaps = new ProfileHeaps(n, postingsPerProfile);
        var partial = new (double Score, int Item)[parts][][];
        Parallel.For(0, parts, new ParallelOptions { MaxDegreeOfParallelism = Environment.ProcessorCount }, part =>
        {
            int from = (int)((long)n * part / parts), to = (int)((long)n * (part + 1) / parts);
            var scratch = profiles.NewScratch();
            var heap = new TopKHeap(candidatesPerPosting);
            var mine = partial[part] = new (double, int)[m][];
            for (int j = 0; j < m; j++)
            {
                heap.Clear();
                var posting = postings.CompiledAt(j);
                profiles.Accumulate(posting, scratch, from, to);
                profiles.Scan(posting, scratch, from, to, heap, profileHeaps, j);
                mine[j] = heap.Sorted();
            }
        });

        var byPosting = new Dictionary<string, IReadOnlyList<RankedMatch>>(m, StringComparer.Ordinal);
        for (int j = 0; j < m; j++)
        {
            byPosting[postings.IdAt(j)] = Merge(partial, j, candidatesPerPosting, profiles);
        }
        var byProfile = new Dictionary<string, IReadOnlyList<RankedMatch>>(n, StringComparer.Ordinal);
        for (int p = 0; p < n; p++)
            byProfile[profiles.IdAt(p)] = [.. profileHeaps.Sorted(p).Select(x => new RankedMatch(postings.IdAt(x.Item), x.Score))];
        return new RematchResult(byPosting, byProfile);
    }

    // The ranges' sorted lists of one posting merged, best first (score desc, index asc), up to k.
    private static RankedMatch[] Merge((double Score, int Item)[][][] partial, int j, int k, ProfileIndex profiles)
    {
        int parts = partial.Length, total = 0;
        Span<int> at = parts <= 64 ? stackalloc int[parts] : new int[parts];
        for (int part = 0; part < parts; part++) total += partial[part][j].Length;
        var result = new RankedMatch[Math.Min(k, total)];
        for (int i = 0; i < result.Length; i++)
        {
            int pick = -1;
            for (int part = 0; part < parts; part++)
            {
                var list = partial[part][j];
                if (at[part] >= list.Length) continue;
                if (pick < 0) { pick = part; continue; }
                var a = list[at[part]];
                var b = partial[pick][j][at[pick]];
                if (TopKHeap.Better(a.Score, a.Item, b.Score, b.Item)) pick = part;
            }
            var x = partial[pick][j][at[pick]++];
            result[i] = new RankedMatch(profiles.IdAt(x.Item), x.Score);
        }
        return result;
    }

    // Timed sections of the batch on one thread over the first postings (bench.sh's engine probe).
    internal static void Probe(ProfileIndex profiles, PostingIndex postings)
    {
        int n = profiles.Count, m = Math.Min(postings.Count, 2000);
        var profileHeaps = new ProfileHeaps(n, 20);
        var scratch = profiles.NewScratch();
        var heap = new TopKHeap(50);
        long acc = 0, scan = 0;
        for (int j = 0; j < m; j++)
        {
            heap.Clear();
            var posting = postings.CompiledAt(j);
            long t0 = System.Diagnostics.Stopwatch.GetTimestamp();
            profiles.Accumulate(posting, scratch, 0, n);
            long t1 = System.Diagnostics.Stopwatch.GetTimestamp();
            profiles.Scan(posting, scratch, 0, n, heap, profileHeaps, j);
            long t2 = System.Diagnostics.Stopwatch.GetTimestamp();
            acc += t1 - t0; scan += t2 - t1;
            if ((j + 1) % 500 == 0)
            {
                Console.WriteLine($"postings {j + 1}: accumulate {acc * 1000.0 / System.Diagnostics.Stopwatch.Frequency:F0} ms, scan {scan * 1000.0 / System.Diagnostics.Stopwatch.Frequency:F0} ms");
                acc = scan = 0;
            }
        }
    }
}
