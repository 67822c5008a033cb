using Marketplace.Skills.Scoring;
using Marketplace.Skills.Taxonomy;

namespace Marketplace.Skills.Matching;

/// <summary>An immutable index over profiles that returns the exact top-k profiles for a posting (the same as scoring every profile
/// and dropping those that fail a dealbreaker), fast; <see cref="Apply"/> returns an updated index without rebuilding it.</summary>
/// <remarks>
/// Per skill R, a credit list holds every profile that earns credit for R (itself, by implication or by relation) with a one-byte code
/// for its credit at each minimum level. A query adds, per requirement, a 16-bit lower bound of its points into per-profile sums, one
/// cache-sized block of profiles at a time; one vectorized pass over the block keeps only the profiles whose upper bound reaches the
/// running threshold (the k-th best lower bound so far), and those few are scored exactly from a forward index with the scorer's
/// arithmetic, so the scores are bit-identical to <see cref="Scorer.Score"/>. Updates are kept the way a log-structured store keeps
/// them: removed or replaced profiles are masked in the base, new versions go to a small delta segment rebuilt on each update, and the
/// two are merged into a new base once the delta grows past a few thousand.
/// </remarks>
public sealed class ProfileIndex
{
    internal const double NonSkillMax = MatchingModel.SeniorityPoints + MatchingModel.LocationPoints + MatchingModel.SalaryPoints;

    // Base, then a middle and a small level of recent versions; new versions go to the small one.
    private readonly Level[] _levels;

    private ProfileIndex(Level[] levels)
    {
        _levels = levels;
        Segments = [.. levels.Where(l => l.Segment.Count > 0).Select(l => new SegmentView(l.Segment, l.Removed))];
    }

    private sealed record Level(ProfileSegment Segment, ulong[]? Removed, int RemovedCount)
    {
        public int Live => Segment.Count - RemovedCount;

        public bool IsLive(int slot) => Removed is null || (Removed[slot >> 6] & 1UL << slot) == 0;

        public IEnumerable<IndexedProfile> LiveRecords()
        {
            for (int p = 0; p < Segment.Count; p++)
                if (IsLive(p)) yield return Segment.Extract(p);
        }

        // This level without the given ids (the same level when none of them is live here).
        public Level Without(IEnumerable<string> ids)
        {
            ulong[]? removed = Removed;
            int count = RemovedCount;
            foreach (string id in ids)
            {
                int slot = Segment.Find(id);
                if (slot < 0 || (removed is not null && (removed[slot >> 6] & 1UL << slot) != 0)) continue;
                if (ReferenceEquals(removed, Removed)) removed = Removed is null ? new ulong[(Segment.Count + 63) / 64] : (ulong[])Removed.Clone();
                removed![slot >> 6] |= 1UL << slot;
                count++;
            }
            return count == RemovedCount ? this : new Level(Segment, removed, count);
        }
    }

    public SkillTaxonomy Taxonomy => _levels[0].Segment.Taxonomy;

    /// <summary>The number of profiles indexed.</summary>
    public int Count => _levels.Sum(l => l.Live);

    // The non-empty segments a scan covers, each with its removed slots (null when none).
    internal SegmentView[] Segments { get; }

    internal readonly record struct SegmentView(ProfileSegment Segment, ulong[]? Removed);

    /// <summary>Indexes the profiles; ties in a top-k go to the smaller id (ordinal).</summary>
    public static ProfileIndex Build(SkillTaxonomy taxonomy, IReadOnlyList<Profile> profiles)
    {
        var records = new IndexedProfile[profiles.Count];
        for (int i = 0; i < records.Length; i++) records[i] = IndexedProfile.From(profiles[i], taxonomy);
        var empty = new Level(ProfileSegment.EmptyFor(taxonomy), null, 0);
        return new ProfileIndex([new Level(Segment(taxonomy, records), null, 0), empty, empty]);
    }

    private static ProfileSegment Segment(SkillTaxonomy taxonomy, IndexedProfile[] records)
    {
        Array.Sort(records, static (a, b) => string.CompareOrdinal(a.Id, b.Id));
        return new ProfileSegment(taxonomy, records);
    }

    /// <summary>True when a profile with this id is indexed.</summary>
    public bool Contains(string profileId) => _levels.Any(l => l.Segment.Find(profileId) is int slot && slot >= 0 && l.IsLive(slot));

    // The indexed form of a live profile.
    internal IndexedProfile RecordOf(string profileId)
    {
        foreach (var level in _levels)
            if (level.Segment.Find(profileId) is int slot && slot >= 0 && level.IsLive(slot)) return level.Segment.Extract(slot);
        throw new KeyNotFoundException($"no profile '{profileId}' in the index");
    }

    /// <summary>The index with this profile added, or replacing the one with its id.</summary>
    public ProfileIndex With(Profile profile) => Apply([profile], []);

    /// <summary>The index without the profile of this id (the same answers when there is none).</summary>
    public ProfileIndex Without(string profileId) => Apply([], [profileId]);

    /// <summary>The index after removing <paramref name="removals"/> and then adding or replacing <paramref name="upserts"/> (the last
    /// one wins for a repeated id); it answers exactly as an index built from scratch on the resulting profiles. An update rebuilds a
    /// level of at most 64 recent profiles, every 64 updates one of a few thousand, and every few thousand the whole index (about a
    /// second at 100,000 profiles). Invalid profiles throw <see cref="ArgumentException"/> (this index is immutable in any case).</summary>
    public ProfileIndex Apply(IEnumerable<Profile> upserts, IEnumerable<string> removals)
    {
        var added = new Dictionary<string, IndexedProfile>(StringComparer.Ordinal);
        foreach (var profile in upserts) added[profile.Id] = IndexedProfile.From(profile, Taxonomy);
        var gone = new HashSet<string>(removals, StringComparer.Ordinal);
        if (added.Count == 0 && gone.Count == 0) return this;
        gone.UnionWith(added.Keys);
        var (@base, middle, small) = (_levels[0].Without(gone), _levels[1].Without(gone), _levels[2].Without(gone));
        if (added.Count > 0) small = Rebuilt(small.LiveRecords().Concat(added.Values));
        if (small.Live > SmallLimit) (middle, small) = (Rebuilt(middle.LiveRecords().Concat(small.LiveRecords())), Empty);
        if (middle.Live + @base.RemovedCount > MiddleLimit(@base.Segment.Count))
            (@base, middle) = (Rebuilt(@base.LiveRecords().Concat(middle.LiveRecords())), Empty);
        return new ProfileIndex([@base, middle, small]);

        Level Rebuilt(IEnumerable<IndexedProfile> records) => new(Segment(Taxonomy, [.. records]), null, 0);
    }

    private Level Empty => new(ProfileSegment.EmptyFor(Taxonomy), null, 0);

    private const int SmallLimit = 64;

    // Merging into the base costs a full build, so it waits until the middle level would make queries noticeably slower.
    private static int MiddleLimit(int baseCount) => Math.Max(1024, (int)(8 * Math.Sqrt(baseCount)));

    /// <summary>The same profiles in one freshly built segment (what <see cref="Apply"/> does by itself from time to time).</summary>
    public ProfileIndex Compact()
    {
        if (_levels.All(l => l.RemovedCount == 0) && _levels[1].Segment.Count == 0 && _levels[2].Segment.Count == 0) return this;
        var empty = Empty;
        return new ProfileIndex([new Level(Segment(Taxonomy, [.. _levels.SelectMany(l => l.LiveRecords())]), null, 0), empty, empty]);
    }

    /// <summary>The bytes the index's arrays take (lists, forward index, per-profile fields; not the id strings nor per-thread scratch).</summary>
    public long EstimatedBytes => _levels.Sum(l => l.Segment.EstimatedBytes + (l.Removed?.Length ?? 0) * 8L);

    /// <summary>The k best profiles for the posting, best first, exactly as scoring every profile would rank them (ties: smaller id
    /// first); profiles that fail one of the posting's dealbreakers are left out. Thread-safe.</summary>
    public IReadOnlyList<RankedMatch> TopK(Posting posting, int k) => TopK(new CompiledPosting(posting, Taxonomy), k);

    internal IReadOnlyList<RankedMatch> TopK(CompiledPosting posting, int k)
    {
        if (k <= 0 || Count == 0) return [];
        var scan = new ScanPosting(posting);
        var scratch = ScanScratch.Current;
        var candidates = scratch.Candidates;
        candidates.Reset(k);
        var tables = new SegmentTables[Segments.Length];
        for (int s = 0; s < Segments.Length; s++)
        {
            var (segment, removed) = Segments[s];
            tables[s] = new SegmentTables(scan, segment);
            for (int block = 0; block < segment.Blocks; block++)
            {
                DenseScan.Accumulate(segment, block, scan, tables[s], scratch.Acc, scratch.Met);
                DenseScan.Scan(segment, block, scan, tables[s], scratch.Acc, scratch.Met, removed, candidates, s, null, 0);
            }
        }
        candidates.Prune();
        return Exact(scan, candidates.Segment, candidates.Slot, candidates.Count, tables, k, scratch.Exact);
    }

    // One posting's top k, and every live profile whose exact score may reach its threshold (slot i of segment s reaches when its
    // upper bound is at least thresholds[s][i]), scored exactly: the profiles whose own lists the posting may enter.
    internal (RankedMatch[] Top, List<RankedMatch> Reaching) TopKAndReaching(CompiledPosting posting, int k, ushort[][] thresholds)
    {
        var scan = new ScanPosting(posting);
        var scratch = ScanScratch.Current;
        var candidates = scratch.Candidates;
        candidates.Reset(k);
        var tables = new SegmentTables[Segments.Length];
        var reaching = new List<RankedMatch>();
        var exact = new ExactScorer();
        exact.Prepare(scan, Taxonomy.Skills.Count);
        for (int s = 0; s < Segments.Length; s++)
        {
            var (segment, removed) = Segments[s];
            tables[s] = new SegmentTables(scan, segment);
            var collector = new ProfileCollector(thresholds[s]);
            for (int block = 0; block < segment.Blocks; block++)
            {
                DenseScan.Accumulate(segment, block, scan, tables[s], scratch.Acc, scratch.Met);
                DenseScan.Scan(segment, block, scan, tables[s], scratch.Acc, scratch.Met, removed, k > 0 ? candidates : null, s, collector, 0);
            }
            foreach (int slot in collector.Slots) reaching.Add(new RankedMatch(segment.Ids[slot], exact.Score(segment, slot, tables[s].Country)));
        }
        candidates.Prune();
        var top = k > 0 ? Exact(scan, candidates.Segment, candidates.Slot, candidates.Count, tables, k, scratch.Exact) : [];
        return (top, reaching);
    }

    // The candidates scored exactly and ranked (score desc, id ordinal asc; within a segment slots follow ids), the first k.
    internal RankedMatch[] Exact(ScanPosting scan, int[] segments, int[] slots, int count, SegmentTables[] tables, int k, ExactScorer exact)
    {
        exact.Prepare(scan, Taxonomy.Skills.Count);
        var scored = new (double Score, int Segment, int Slot)[count];
        for (int i = 0; i < count; i++) scored[i] = (exact.Score(Segments[segments[i]].Segment, slots[i], tables[segments[i]].Country), segments[i], slots[i]);
        var views = Segments;
        Array.Sort(scored, (a, b) => a.Score != b.Score ? b.Score.CompareTo(a.Score)
            : a.Segment == b.Segment ? a.Slot.CompareTo(b.Slot)
            : string.CompareOrdinal(views[a.Segment].Segment.Ids[a.Slot], views[b.Segment].Segment.Ids[b.Slot]));
        var result = new RankedMatch[Math.Min(k, count)];
        for (int i = 0; i < result.Length; i++) result[i] = new RankedMatch(views[scored[i].Segment].Segment.Ids[scored[i].Slot], scored[i].Score);
        return result;
    }
}

// Per-thread buffers of the dense scan: one block's sums and dealbreaker counts, the posting-side candidates, the exact scorer.
internal sealed class ScanScratch
{
    [ThreadStatic] private static ScanScratch? _current;

    public static ScanScratch Current => _current ??= new ScanScratch();

    public readonly ushort[] Acc = new ushort[ProfileSegment.BlockSize];
    public readonly ushort[] Met = new ushort[ProfileSegment.BlockSize];
    public readonly PostingCandidates Candidates = new();
    public readonly ExactScorer Exact = new();
}
