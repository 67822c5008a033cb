namespace Marketplace.Skills.Matching;

// The profile side of the batch, for one segment: per profile, a min-heap of its K best lower bounds (whose root, once K are in, is
// its threshold, copied to a dense array the vectorized scan reads) and a buffer of the postings whose upper bound reached the
// threshold when they were met, pruned against the risen threshold when it fills. Only those postings are scored exactly at the end.
// A profile's heap, counts and buffer share one record (256 bytes for K = 20), so an admission touches two cache lines. A slot belongs
// to one block, and a block to one thread at a time, so nothing here is shared between threads.
internal sealed class ProfileCandidates : ProfileSide
{
    public const int MaxK = 1000;

    // A record in ushorts: the heap [0, K), the heap count at K, the buffer count at K + 1, then from BufferStart the buffer's entries
    // (posting low, posting high, upper bound).
    private readonly int _buffer;
    private readonly int _record;
    private readonly int _heapCount;
    private readonly int _bufferCount;
    private readonly int _bufferStart;

    private readonly int _k;
    private readonly ushort[] _records;
    private readonly List<(int Posting, ushort Upper)>?[] _overflow;

    public ProfileCandidates(int profiles, int k)
    {
        if (k is < 0 or > MaxK) throw new ArgumentOutOfRangeException(nameof(k), $"from 0 to {MaxK} postings a profile in a batch rematch");
        _k = k;
        _heapCount = k;
        _bufferCount = k + 1;
        _bufferStart = (k + 2 + 31) / 32 * 32;
        _buffer = Math.Max(32, 2 * k);
        _record = (_bufferStart + 3 * _buffer + 31) / 32 * 32;
        Threshold = new ushort[profiles];
        if (_k == 0) Array.Fill(Threshold, ushort.MaxValue);
        _records = new ushort[(long)profiles * _record];
        _overflow = new List<(int, ushort)>?[profiles];
    }

    // Per profile: the K-th best lower bound once K postings were met, 0 before, ushort.MaxValue when no posting is wanted.
    public override ushort[] Threshold { get; }

    public override void Admit(int p, int posting, int lower, int upper)
    {
        var r = _records;
        int b = p * _record, count = r[b + _heapCount];
        if (count < _k)
        {
            int i = count;
            while (i > 0)
            {
                int parent = (i - 1) >> 1;
                if (r[b + parent] <= lower) break;
                r[b + i] = r[b + parent];
                i = parent;
            }
            r[b + i] = (ushort)lower;
            r[b + _heapCount] = (ushort)(count + 1);
            if (count + 1 == _k) Threshold[p] = r[b];
        }
        else if (lower > r[b])
        {
            int at = 0;
            while (true)
            {
                int left = 2 * at + 1, right = left + 1, min = left;
                if (left >= _k) break;
                if (right < _k && r[b + right] < r[b + left]) min = right;
                if (r[b + min] >= lower) break;
                r[b + at] = r[b + min];
                at = min;
            }
            r[b + at] = (ushort)lower;
            Threshold[p] = r[b];
        }

        int n = r[b + _bufferCount];
        if (n == _buffer) n = Prune(p);
        if (n == _buffer)
        {
            (_overflow[p] ??= []).Add((posting, (ushort)upper));
            return;
        }
        int e = b + _bufferStart + 3 * n;
        r[e] = (ushort)posting;
        r[e + 1] = (ushort)(posting >> 16);
        r[e + 2] = (ushort)upper;
        r[b + _bufferCount] = (ushort)(n + 1);
    }

    private int Prune(int p)
    {
        var r = _records;
        int b = p * _record, kept = 0, threshold = Threshold[p];
        for (int i = 0; i < _buffer; i++)
        {
            int from = b + _bufferStart + 3 * i;
            if (r[from + 2] < threshold) continue;
            int to = b + _bufferStart + 3 * kept++;
            r[to] = r[from];
            r[to + 1] = r[from + 1];
            r[to + 2] = r[from + 2];
        }
        r[b + _bufferCount] = (ushort)kept;
        _overflow[p]?.RemoveAll(x => x.Upper < threshold);
        return kept;
    }

    // The postings of profile p that can still be among its K best.
    public void Survivors(int p, List<int> into)
    {
        into.Clear();
        var r = _records;
        int b = p * _record, threshold = Threshold[p];
        for (int i = 0; i < r[b + _bufferCount]; i++)
        {
            int e = b + _bufferStart + 3 * i;
            if (r[e + 2] >= threshold) into.Add(r[e] | r[e + 1] << 16);
        }
        if (_overflow[p] is { } overflow)
            foreach (var (posting, upper) in overflow)
                if (upper >= threshold) into.Add(posting);
    }
}

// What a scan hands the profile side: per slot the threshold an upper bound must reach, and the pairs that reach it.
internal abstract class ProfileSide
{
    public abstract ushort[] Threshold { get; }

    public abstract void Admit(int p, int posting, int lower, int upper);
}

// A profile side with fixed thresholds that collects the slots reaching them (one posting at a time): which profiles a posting might
// enter the lists of.
internal sealed class ProfileCollector(ushort[] threshold) : ProfileSide
{
    public override ushort[] Threshold { get; } = threshold;

    public List<int> Slots { get; } = [];

    public override void Admit(int p, int posting, int lower, int upper) => Slots.Add(p);
}
