namespace Marketplace.Skills.Matching;

// The profile side of the batch, for one segment: per profile, a min-heap of its K best lower bounds (whose root, once K are in, is
// its threshold, in a dense array the vectorized scan reads) and a buffer of the postings whose upper bound reached the threshold when
// they were met, pruned against the risen threshold when it fills. Only those postings are scored exactly at the end. A profile's
// slot belongs to one block, and a block to one thread at a time, so nothing here is shared between threads.
internal sealed class ProfileCandidates
{
    private const int Buffer = 32;

    private readonly int _k;
    private readonly ushort[] _heap;
    private readonly byte[] _heapCount;
    private readonly int[] _posting;
    private readonly ushort[] _upper;
    private readonly byte[] _count;
    private readonly List<(int Posting, ushort Upper)>?[] _overflow;

    public ProfileCandidates(int profiles, int k)
    {
        _k = Math.Min(k, 255);
        if (k > 255) throw new ArgumentOutOfRangeException(nameof(k), "at most 255 postings a profile in a batch rematch");
        Threshold = new ushort[profiles];
        if (_k == 0) Array.Fill(Threshold, ushort.MaxValue);
        _heap = new ushort[(long)profiles * Math.Max(1, _k)];
        _heapCount = new byte[profiles];
        _posting = new int[(long)profiles * Buffer];
        _upper = new ushort[(long)profiles * Buffer];
        _count = new byte[profiles];
        _overflow = new List<(int, ushort)>?[profiles];
    }

    // Per profile: the K-th best lower bound once K postings were met, 0 before, ushort.MaxValue when no posting is wanted.
    public ushort[] Threshold { get; }

    public void Admit(int p, int posting, int lower, int upper)
    {
        int hb = p * _k, count = _heapCount[p];
        if (count < _k)
        {
            int i = count;
            while (i > 0)
            {
                int parent = (i - 1) >> 1;
                if (_heap[hb + parent] <= lower) break;
                _heap[hb + i] = _heap[hb + parent];
                i = parent;
            }
            _heap[hb + i] = (ushort)lower;
            _heapCount[p] = (byte)(count + 1);
            if (count + 1 == _k) Threshold[p] = _heap[hb];
        }
        else if (lower > _heap[hb])
        {
            int at = 0;
            while (true)
            {
                int l = 2 * at + 1, r = l + 1, min = l;
                if (l >= _k) break;
                if (r < _k && _heap[hb + r] < _heap[hb + l]) min = r;
                if (_heap[hb + min] >= lower) break;
                _heap[hb + at] = _heap[hb + min];
                at = min;
            }
            _heap[hb + at] = (ushort)lower;
            Threshold[p] = _heap[hb];
        }

        int b = p * Buffer, n = _count[p];
        if (n == Buffer) n = Prune(p);
        if (n == Buffer)
        {
            (_overflow[p] ??= []).Add((posting, (ushort)upper));
            return;
        }
        _posting[b + n] = posting;
        _upper[b + n] = (ushort)upper;
        _count[p] = (byte)(n + 1);
    }

    private int Prune(int p)
    {
        int b = p * Buffer, kept = 0, threshold = Threshold[p];
        for (int i = 0; i < Buffer; i++)
        {
            if (_upper[b + i] < threshold) continue;
            _posting[b + kept] = _posting[b + i];
            _upper[b + kept++] = _upper[b + i];
        }
        _count[p] = (byte)kept;
        _overflow[p]?.RemoveAll(x => x.Upper < threshold);
        return kept;
    }

    // The postings of profile p that can still be among its K best.
    public void Survivors(int p, List<int> into)
    {
        into.Clear();
        int b = p * Buffer, threshold = Threshold[p];
        for (int i = 0; i < _count[p]; i++)
            if (_upper[b + i] >= threshold) into.Add(_posting[b + i]);
        if (_overflow[p] is { } overflow)
            foreach (var (posting, upper) in overflow)
                if (upper >= threshold) into.Add(posting);
    }
}
