using System.Numerics;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;

namespace Marketplace.Skills.Matching;

// One block of one segment against one posting: accumulate the 16-bit lower bounds term by term from the credit lists, then one
// pass over the block that keeps only the profiles whose upper bound (with full non-skill points) reaches the posting's threshold or
// the profile's own, checks those with their exact non-skill points, and hands the survivors on. The sums are zeroed on the way.
internal static class DenseScan
{

    // Not inlined: the hot loops keep their registers to themselves.
    [MethodImpl(MethodImplOptions.NoInlining)]
    public static void Accumulate(ProfileSegment segment, int block, ScanPosting posting, SegmentTables tables, ushort[] acc, ushort[] met)
    {
        int stride = segment.Blocks + 1;
        ref ushort accRef = ref MemoryMarshal.GetArrayDataReference(acc);
        ref uint entryRef = ref MemoryMarshal.GetArrayDataReference(segment.ListEntry);
        for (int t = 0; t < posting.Terms; t++)
        {
            int skill = posting.Skill[t];
            int start = segment.BlockStart[skill * stride + block], end = segment.BlockStart[skill * stride + block + 1];
            if (start == end) continue;
            // An entry's slot in the block and its code are valid by construction: no bounds checks in the loop that carries the work.
            ref ushort unitsRef = ref Unsafe.Add(ref MemoryMarshal.GetArrayDataReference(tables.Units), tables.Offset[t]);
            for (int e = start; e < end; e++)
            {
                uint entry = Unsafe.Add(ref entryRef, e);
                ref ushort a = ref Unsafe.Add(ref accRef, (int)(entry & (ProfileSegment.BlockSize - 1)));
                a = (ushort)(a + Unsafe.Add(ref unitsRef, (int)(entry >> ProfileSegment.BlockBits)));
            }
            if (!posting.Dealbreaker[t]) continue;
            var meets = tables.MeetsTable;
            int offset = tables.Offset[t];
            for (int e = start; e < end; e++)
            {
                uint entry = segment.ListEntry[e];
                met[entry & (ProfileSegment.BlockSize - 1)] += meets[offset + (int)(entry >> ProfileSegment.BlockBits)];
            }
        }
    }

    [MethodImpl(MethodImplOptions.NoInlining)]
    public static void Scan(ProfileSegment segment, int block, ScanPosting posting, SegmentTables tables, ushort[] acc, ushort[] met,
        ulong[]? removed, PostingCandidates? forPosting, int segmentIndex, ProfileSide? forProfiles, int postingIndex)
    {
        var lanes = new Lanes(segment, block, posting, tables, acc, removed, forPosting, segmentIndex, forProfiles, postingIndex);
        int length = Math.Min(ProfileSegment.BlockSize, segment.Count - lanes.BaseSlot);
        int offset = posting.BoundOffset, dealbreakers = posting.Dealbreakers, baseSlot = lanes.BaseSlot;
        var profileThresholds = forProfiles?.Threshold;
        int i = 0;
        if (Vector256.IsHardwareAccelerated)
        {
            ref ushort accRef = ref MemoryMarshal.GetArrayDataReference(acc);
            ref ushort metRef = ref MemoryMarshal.GetArrayDataReference(met);
            ref ushort seniorityRef = ref Unsafe.Add(ref MemoryMarshal.GetArrayDataReference(segment.SeniorityLane), baseSlot);
            ref ushort remoteRef = ref Unsafe.Add(ref MemoryMarshal.GetArrayDataReference(segment.RemoteLane), baseSlot);
            // The bound adds the exact seniority and mode points (at full country and salary fit) instead of the most any profile gets.
            var vOffset = Vector256.Create((ushort)posting.PartialBoundOffset);
            int postingSeniority = posting.PostingSeniority;
            var vSeniority = Vector256.Create((ushort)postingSeniority);
            var vBelow = Vector256.Create((ushort)(postingSeniority - 1));
            var vFull = Vector256.Create((ushort)ScanPosting.SeniorityFullUnits);
            var vHalf = Vector256.Create((ushort)(ScanPosting.SeniorityFullUnits / 2));
            var modeUnits = posting.ModeUnits;
            var vMode0 = Vector256.Create(modeUnits[0]);
            var vMode1 = Vector256.Create(modeUnits[1]);
            var vMode2 = Vector256.Create(modeUnits[2]);
            var vMode3 = Vector256.Create(modeUnits[3]);
            var vOne = Vector256.Create((ushort)1);
            var vTwo = Vector256.Create((ushort)2);
            var vThree = Vector256.Create((ushort)3);
            ref ushort countryRef = ref Unsafe.Add(ref MemoryMarshal.GetArrayDataReference(segment.CountryLane), baseSlot);
            ref ushort relocateRef = ref Unsafe.Add(ref MemoryMarshal.GetArrayDataReference(segment.RelocateLane), baseSlot);
            // MatchingModel.CountryFit: 1 for remote work or a country unknown on either side, else 1 in the same country, a half for a
            // seeker who would relocate, 0 otherwise (a posting's country absent from the segment equals no profile's).
            bool countryMatters = posting.Posting.Mode != Scoring.WorkMode.Remote && tables.Country != -1;
            var vCountry = Vector256.Create((ushort)(tables.Country + 1));
            var vDealbreakers = Vector256.Create((ushort)dealbreakers);
            var vPosting = Vector256.Create((ushort)lanes.PostingThreshold);
            int width = Vector256<ushort>.Count;
            for (; i + width <= length; i += width)
            {
                var seniority = Vector256.LoadUnsafe(ref seniorityRef, (nuint)i);
                var remote = Vector256.LoadUnsafe(ref remoteRef, (nuint)i);
                // MatchingModel.SeniorityFit: full at or above the posting's, half one below or unknown, none further below.
                var seniorityUnits = postingSeniority == 0 ? vFull
                    : (Vector256.GreaterThanOrEqual(seniority, vSeniority) & vFull)
                      | ((Vector256.Equals(seniority, vBelow) | Vector256.Equals(seniority, Vector256<ushort>.Zero)) & vHalf);
                var modeUnitsLane = Vector256.ConditionalSelect(Vector256.Equals(remote, vOne), vMode1,
                    Vector256.ConditionalSelect(Vector256.Equals(remote, vTwo), vMode2,
                        Vector256.ConditionalSelect(Vector256.Equals(remote, vThree), vMode3, vMode0)));
                if (countryMatters)
                {
                    var country = Vector256.LoadUnsafe(ref countryRef, (nuint)i);
                    var same = Vector256.Equals(country, Vector256<ushort>.Zero) | Vector256.Equals(country, vCountry);
                    var relocate = Vector256.Equals(Vector256.LoadUnsafe(ref relocateRef, (nuint)i), vOne);
                    modeUnitsLane = Vector256.ConditionalSelect(same, modeUnitsLane, Vector256.ShiftRightLogical(modeUnitsLane, 1) & relocate);
                }
                var bound = Vector256.LoadUnsafe(ref accRef, (nuint)i) + vOffset + seniorityUnits + modeUnitsLane;
                var threshold = profileThresholds is null ? vPosting : Vector256.Min(vPosting, Vector256.Create(profileThresholds, baseSlot + i));
                var pass = Vector256.GreaterThanOrEqual(bound, threshold);
                if (dealbreakers > 0)
                {
                    pass &= Vector256.Equals(Vector256.LoadUnsafe(ref metRef, (nuint)i), vDealbreakers);
                    Vector256<ushort>.Zero.StoreUnsafe(ref metRef, (nuint)i);
                }
                if (pass != Vector256<ushort>.Zero)
                {
                    // Only the lanes that pass go the scalar way; the thresholds only rise meanwhile, so the others still fail.
                    uint mask = pass.AsByte().ExtractMostSignificantBits();
                    do
                    {
                        lanes.Check(i + (BitOperations.TrailingZeroCount(mask) >> 1));
                        mask &= mask - 1;
                        mask &= mask - 1;
                    }
                    while (mask != 0);
                    vPosting = Vector256.Create((ushort)lanes.PostingThreshold);
                }
                Vector256<ushort>.Zero.StoreUnsafe(ref accRef, (nuint)i);
            }
        }
        for (; i < length; i++)
        {
            int bound = acc[i] + offset;
            if (met[i] == dealbreakers && (bound >= lanes.PostingThreshold || (profileThresholds is not null && bound >= profileThresholds[baseSlot + i])))
                lanes.Check(i);
            acc[i] = 0;
            met[i] = 0;
        }
    }

    // The scalar side of a scan: a profile whose bound passed, with its exact non-skill points, handed to each side that wants it.
    private readonly struct Lanes(ProfileSegment segment, int block, ScanPosting posting, SegmentTables tables, ushort[] acc, ulong[]? removed,
        PostingCandidates? forPosting, int segmentIndex, ProfileSide? forProfiles, int postingIndex)
    {
        public int BaseSlot { get; } = block << ProfileSegment.BlockBits;

        public int PostingThreshold => forPosting?.Threshold ?? ushort.MaxValue;

        public void Check(int i)
        {
            int slot = BaseSlot + i;
            if (removed is not null && (removed[slot >> 6] & 1UL << slot) != 0) return;
            int lower = acc[i] + posting.ConstantUnits + posting.NonSkillUnits[ScanPosting.NonSkillIndex(segment.Meta[slot], tables.Country, tables.SalaryMax)];
            int upper = lower + posting.Slack;
            if (forPosting is not null && upper >= forPosting.Threshold) forPosting.Admit(segmentIndex, slot, lower, upper);
            if (forProfiles is not null && upper >= forProfiles.Threshold[slot]) forProfiles.Admit(slot, postingIndex, lower, upper);
        }
    }
}

// A min-heap of the k best lower bounds seen: its root, once k are in, is a lower bound of the k-th best exact score.
internal sealed class LowerBoundHeap
{
    private int[] _keys = new int[64];

    public int Count { get; private set; }
    public int Capacity { get; private set; }
    public bool IsFull => Count >= Capacity;
    public int Min => _keys[0];

    public void Reset(int capacity)
    {
        if (_keys.Length < capacity) _keys = new int[capacity];
        Capacity = capacity;
        Count = 0;
    }

    /// <summary>Starts from at most <see cref="Capacity"/> keys in ascending order (an ascending array is a min-heap as it is).</summary>
    public void CopyFrom(int[] ascending)
    {
        if (ascending.Length > Capacity) throw new ArgumentException("more keys than the heap holds");
        Array.Copy(ascending, _keys, ascending.Length);
        Count = ascending.Length;
    }

    public void Offer(int key)
    {
        if (Capacity <= 0) return;
        if (Count < Capacity)
        {
            int i = Count++;
            while (i > 0)
            {
                int parent = (i - 1) >> 1;
                if (_keys[parent] <= key) break;
                _keys[i] = _keys[parent];
                i = parent;
            }
            _keys[i] = key;
            return;
        }
        if (key <= _keys[0]) return;
        int at = 0;
        while (true)
        {
            int l = 2 * at + 1, r = l + 1, min = l;
            if (l >= Count) break;
            if (r < Count && _keys[r] < _keys[l]) min = r;
            if (_keys[min] >= key) break;
            _keys[at] = _keys[min];
            at = min;
        }
        _keys[at] = key;
    }
}

// The posting side of a scan: the k best lower bounds give the threshold, and every profile whose upper bound reached the threshold
// when it was met is kept (segment, slot, lower and upper bound) for exact scoring; the list is pruned against the risen threshold
// when it fills. The batch seeds the heap with what other blocks found for the same posting (their best lower bounds, ascending).
internal sealed class PostingCandidates
{
    private readonly LowerBoundHeap _heap = new();

    public int[] Segment = new int[1024];
    public int[] Slot = new int[1024];
    public int[] Lower = new int[1024];
    public int[] Upper = new int[1024];
    public int Count;

    // ushort.MaxValue when k is 0: no bound reaches it.
    public int Threshold { get; private set; }

    public void Reset(int k, int[]? seed = null)
    {
        _heap.Reset(k);
        if (seed is not null) _heap.CopyFrom(seed);
        Count = 0;
        Threshold = k <= 0 ? ushort.MaxValue : _heap.IsFull ? _heap.Min : 0;
    }

    public void Admit(int segment, int slot, int lower, int upper)
    {
        _heap.Offer(lower);
        if (_heap.IsFull) Threshold = _heap.Min;
        if (Count == Slot.Length)
        {
            Prune();
            if (Count * 2 > Slot.Length)
            {
                Array.Resize(ref Segment, Slot.Length * 2);
                Array.Resize(ref Lower, Slot.Length * 2);
                Array.Resize(ref Upper, Slot.Length * 2);
                Array.Resize(ref Slot, Slot.Length * 2);
            }
        }
        Segment[Count] = segment;
        Slot[Count] = slot;
        Lower[Count] = lower;
        Upper[Count++] = upper;
    }

    /// <summary>
    /// The k best of <paramref name="ascending"/> (k best lower bounds, ascending) and the admitted profiles' lower bounds (the block's
    /// best: those left out were below the threshold), ascending; null when none of these beats them.
    /// </summary>
    public int[]? MergeLowerBounds(int[] ascending, int k, List<int> buffer)
    {
        int floor = ascending.Length > 0 && ascending.Length >= k ? ascending[0] : int.MinValue;
        buffer.Clear();
        for (int i = 0; i < Count; i++)
            if (Lower[i] > floor) buffer.Add(Lower[i]);
        if (buffer.Count == 0) return null;
        buffer.AddRange(ascending);
        buffer.Sort();
        var merged = new int[Math.Min(buffer.Count, k)];
        buffer.CopyTo(buffer.Count - merged.Length, merged, 0, merged.Length);
        return merged;
    }

    public void Prune()
    {
        int kept = 0;
        for (int i = 0; i < Count; i++)
        {
            if (Upper[i] < Threshold) continue;
            Segment[kept] = Segment[i];
            Slot[kept] = Slot[i];
            Lower[kept] = Lower[i];
            Upper[kept++] = Upper[i];
        }
        Count = kept;
    }
}
