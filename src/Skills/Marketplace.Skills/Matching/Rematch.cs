using Marketplace.Skills.Scoring;

namespace Marketplace.Skills.Matching;

/// <summary>The result of a full rematch: top candidates per posting and top postings per profile, by id.</summary>
public sealed record RematchResult(
    IReadOnlyDictionary<string, IReadOnlyList<RankedMatch>> CandidatesByPosting,
    IReadOnlyDictionary<string, IReadOnlyList<RankedMatch>> PostingsByProfile);

/// <summary>Rematches everything on all cores: the top candidates for every posting and the top postings for every profile; or one
/// part of either, for batch jobs that share a rematch. Every list equals the single queries', score for score.</summary>
/// <remarks>
/// Work goes block by block (8,192 profiles, so a block's 16-bit sums stay in a core's first-level cache), each block taking every
/// posting once. The scan of a block feeds both sides from one pass: each posting's k-th best lower bound (shared between blocks, so
/// later blocks start with a high threshold) and each profile's own. Both sides keep only the pairs whose upper bound reached the
/// threshold when they were met (the 20th best lower bound is known long before the 20th best score would be), and those few pairs,
/// a little more than k per list, are scored exactly at the end.
/// </remarks>
public static class Rematch
{
    /// <summary>The top <paramref name="candidatesPerPosting"/> profiles of every posting and the top <paramref name="postingsPerProfile"/>
    /// postings of every profile.</summary>
    public static RematchResult All(ProfileIndex profiles, PostingIndex postings, int candidatesPerPosting = 50, int postingsPerProfile = 20)
    {
        var run = new Run(profiles, postings, candidatesPerPosting, postingsPerProfile, 0, postings.Count, 0, WorkItems(profiles).Length);
        return new RematchResult(run.Candidates(), run.PostingsOfProfiles());
    }

    /// <summary>The top candidates of the postings in part <paramref name="part"/> of <paramref name="parts"/> (postings cut in id
    /// order); the parts together give every posting's list exactly once.</summary>
    public static IReadOnlyDictionary<string, IReadOnlyList<RankedMatch>> CandidatesForPart(
        ProfileIndex profiles, PostingIndex postings, int part, int parts, int candidatesPerPosting = 50)
    {
        var (from, to) = Part(postings.Count, part, parts);
        return new Run(profiles, postings, candidatesPerPosting, 0, from, to, 0, WorkItems(profiles).Length).Candidates();
    }

    /// <summary>The top postings of the profiles in part <paramref name="part"/> of <paramref name="parts"/> (profiles cut by blocks of
    /// the index); the parts together give every profile's list exactly once.</summary>
    public static IReadOnlyDictionary<string, IReadOnlyList<RankedMatch>> PostingsForPart(
        ProfileIndex profiles, PostingIndex postings, int part, int parts, int postingsPerProfile = 20)
    {
        var (from, to) = Part(WorkItems(profiles).Length, part, parts);
        return new Run(profiles, postings, 0, postingsPerProfile, 0, postings.Count, from, to).PostingsOfProfiles();
    }

    private static (int From, int To) Part(int count, int part, int parts)
    {
        if (parts < 1) throw new ArgumentOutOfRangeException(nameof(parts), "at least one part");
        if (part < 0 || part >= parts) throw new ArgumentOutOfRangeException(nameof(part), $"a part from 0 to {parts - 1}");
        return ((int)((long)count * part / parts), (int)((long)count * (part + 1) / parts));
    }

    // (segment, block) pairs of the index, in order.
    private static (int Segment, int Block)[] WorkItems(ProfileIndex profiles) =>
        [.. profiles.Segments.SelectMany((view, s) => Enumerable.Range(0, view.Segment.Blocks).Select(b => (s, b)))];

    private sealed class Run
    {
        private readonly ProfileIndex _profiles;
        private readonly PostingIndex _postings;
        private readonly int _kPosting;
        private readonly int _kProfile;
        private readonly int _from;
        private readonly int _to;
        private readonly (int Segment, int Block)[] _items;
        private readonly ScanPosting[] _scan;
        private readonly SegmentTables[][] _tables;
        private readonly ProfileCandidates?[] _profileSide;
        // Per posting, the k best lower bounds all blocks found so far, ascending: a block starts from them, so later blocks have a high
        // threshold. Each is immutable and replaced whole (compare-and-swap): blocks on other threads read it without a lock.
        private readonly int[][] _shared;
        private readonly int[] _order;
        // Per work item: the posting-side survivors, posting after posting, and where each posting's run starts and ends.
        private readonly int[][] _start;
        private readonly int[][] _end;
        private readonly int[][] _slots;
        private readonly int[][] _upper;

        public Run(ProfileIndex profiles, PostingIndex postings, int kPosting, int kProfile, int from, int to, int itemFrom, int itemTo)
        {
            if (!ReferenceEquals(profiles.Taxonomy, postings.Taxonomy)) throw new ArgumentException("both indexes must use the same taxonomy");
            _profiles = profiles;
            _postings = postings;
            _kPosting = Math.Max(0, kPosting);
            _kProfile = Math.Max(0, kProfile);
            _from = from;
            _to = to;
            _items = WorkItems(profiles)[itemFrom..itemTo];
            int m = to - from, segments = profiles.Segments.Length;
            _scan = new ScanPosting[m];
            _tables = new SegmentTables[segments][];
            for (int s = 0; s < segments; s++) _tables[s] = new SegmentTables[m];
            Parallel.For(0, m, Options, j =>
            {
                _scan[j] = new ScanPosting(postings.CompiledAt(from + j));
                for (int s = 0; s < segments; s++) _tables[s][j] = new SegmentTables(_scan[j], profiles.Segments[s].Segment);
            });
            _profileSide = new ProfileCandidates?[segments];
            if (_kProfile > 0)
                foreach (int s in _items.Select(x => x.Segment).Distinct())
                    _profileSide[s] = new ProfileCandidates(profiles.Segments[s].Segment.Count, _kProfile);
            // Postings that many profiles match well go first: the profiles' thresholds rise early, and fewer pairs are kept.
            var expected = new double[m];
            foreach (var (segment, _) in profiles.Segments)
                for (int j = 0; j < m; j++)
                    for (int t = 0; t < _scan[j].Terms; t++)
                        expected[j] -= _scan[j].Points[t] * (segment.ListStart[_scan[j].Skill[t] + 1] - segment.ListStart[_scan[j].Skill[t]]);
            _order = [.. Enumerable.Range(0, m)];
            Array.Sort(expected, _order);
            _shared = new int[m][];
            Array.Fill(_shared, []);
            _start = new int[_items.Length][];
            _end = new int[_items.Length][];
            _slots = new int[_items.Length][];
            _upper = new int[_items.Length][];
            Parallel.For(0, _items.Length, Options, Block);
        }

        private const int StepApart = 8;

        private static ParallelOptions Options => new() { MaxDegreeOfParallelism = Environment.ProcessorCount };

        private void Block(int item)
        {
            var (s, block) = _items[item];
            var (segment, removed) = _profiles.Segments[s];
            var scratch = ScanScratch.Current;
            var candidates = scratch.Candidates;
            var profileSide = _profileSide[s];
            int m = _to - _from;
            var start = _start[item] = new int[m];
            var end = _end[item] = new int[m];
            var slots = new List<int>();
            var upper = new List<int>();
            var best = new List<int>();
            // Blocks that run side by side start a few postings apart in the order: in step, both would share into the same posting at once.
            int shift = m == 0 ? 0 : (int)((long)item * StepApart % m);
            for (int n = 0; n < m; n++)
            {
                int j = _order[n + shift < m ? n + shift : n + shift - m];
                candidates.Reset(_kPosting, Volatile.Read(ref _shared[j]));
                DenseScan.Accumulate(segment, block, _scan[j], _tables[s][j], scratch.Acc, scratch.Met);
                DenseScan.Scan(segment, block, _scan[j], _tables[s][j], scratch.Acc, scratch.Met, removed,
                    _kPosting > 0 ? candidates : null, s, profileSide, _from + j);
                if (_kPosting == 0) continue;
                Share(j, candidates, best);
                candidates.Prune();
                start[j] = slots.Count;
                for (int i = 0; i < candidates.Count; i++)
                {
                    slots.Add(candidates.Slot[i]);
                    upper.Add(candidates.Upper[i]);
                }
                end[j] = slots.Count;
            }
            _slots[item] = [.. slots];
            _upper[item] = [.. upper];
        }

        // Merged into the posting's shared lower bounds; another block may have shared meanwhile, then the merge is done again on its result.
        private void Share(int j, PostingCandidates candidates, List<int> buffer)
        {
            while (true)
            {
                var current = Volatile.Read(ref _shared[j]);
                if (candidates.MergeLowerBounds(current, _kPosting, buffer) is not { } merged
                    || ReferenceEquals(Interlocked.CompareExchange(ref _shared[j], merged, current), current)) return;
            }
        }

        public Dictionary<string, IReadOnlyList<RankedMatch>> Candidates()
        {
            int m = _to - _from;
            var lists = new RankedMatch[m][];
            Parallel.For(0, m, Options, () => (Segments: new List<int>(), Slots: new List<int>()), (j, _, buffers) =>
            {
                buffers.Segments.Clear();
                buffers.Slots.Clear();
                var shared = _shared[j];
                int floor = shared.Length > 0 && shared.Length >= _kPosting ? shared[0] : 0;
                for (int item = 0; item < _items.Length; item++)
                    for (int i = _start[item][j]; i < _end[item][j]; i++)
                        if (_upper[item][i] >= floor)
                        {
                            buffers.Segments.Add(_items[item].Segment);
                            buffers.Slots.Add(_slots[item][i]);
                        }
                lists[j] = _profiles.Exact(_scan[j], [.. buffers.Segments], [.. buffers.Slots], buffers.Slots.Count, TablesOf(j), _kPosting, ScanScratch.Current.Exact);
                return buffers;
            }, _ => { });
            var result = new Dictionary<string, IReadOnlyList<RankedMatch>>(m, StringComparer.Ordinal);
            for (int j = 0; j < m; j++) result[_postings.IdAt(_from + j)] = lists[j];
            return result;
        }

        private SegmentTables[] TablesOf(int j) => [.. _tables.Select(t => t[j])];

        public Dictionary<string, IReadOnlyList<RankedMatch>> PostingsOfProfiles()
        {
            var result = new Dictionary<string, IReadOnlyList<RankedMatch>>(StringComparer.Ordinal);
            foreach (var group in _items.GroupBy(x => x.Segment))
            {
                int s = group.Key;
                var (segment, removed) = _profiles.Segments[s];
                var side = _profileSide[s];
                var blocks = group.Select(x => x.Block).ToArray();
                var lists = new RankedMatch[]?[segment.Count];
                Parallel.For(0, blocks.Length, Options, b =>
                {
                    var survivors = new List<int>();
                    var reach = PostingIndex.Reach.Current(_postings.Taxonomy.Skills.Count);
                    int from = blocks[b] << ProfileSegment.BlockBits, to = Math.Min(segment.Count, from + ProfileSegment.BlockSize);
                    for (int p = from; p < to; p++)
                    {
                        if (removed is not null && (removed[p >> 6] & 1UL << p) != 0) continue;
                        if (side is null) { lists[p] = []; continue; }
                        side.Survivors(p, survivors);
                        lists[p] = PostingsOf(segment, p, survivors, reach);
                    }
                });
                for (int p = 0; p < segment.Count; p++)
                    if (lists[p] is { } list) result[segment.Ids[p]] = list;
            }
            return result;
        }

        private RankedMatch[] PostingsOf(ProfileSegment segment, int p, List<int> survivors, PostingIndex.Reach reach)
        {
            var profile = segment.Extract(p);
            reach.Load(_postings, profile.Skills);
            var fit = _postings.FitOf(profile);
            var scored = new List<(double Score, int Posting)>(survivors.Count);
            foreach (int j in survivors)
            {
                double score = _postings.Score(reach, fit, j);
                if (!double.IsNaN(score)) scored.Add((score, j));
            }
            // Posting indexes follow the ids' ordinal order, so the index breaks ties as the ids would.
            scored.Sort(static (a, b) => a.Score != b.Score ? b.Score.CompareTo(a.Score) : a.Posting.CompareTo(b.Posting));
            var result = new RankedMatch[Math.Min(_kProfile, scored.Count)];
            for (int i = 0; i < result.Length; i++) result[i] = new RankedMatch(_postings.IdAt(scored[i].Posting), scored[i].Score);
            return result;
        }
    }
}
