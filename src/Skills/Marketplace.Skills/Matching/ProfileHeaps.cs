namespace Marketplace.Skills.Matching;

// A size-k min-heap of (score, posting) per profile in flat arrays, for the batch rematch; same order as TopKHeap.
internal sealed class ProfileHeaps(int profiles, int k)
{
    private readonly double[] _scores = new double[(long)profiles * Math.Max(1, k)];
    private readonly int[] _items = new int[(long)profiles * Math.Max(1, k)];
    private readonly int[] _count = new int[profiles];

    // The worst kept score per profile (-infinity while the heap is not full), in one dense array so the scan reads it sequentially.
    private readonly double[] _worst = CreateWorst(profiles);

    public int K { get; } = k;

    internal double[] Worst => _worst;

    public bool Wants(int p, double bound) => bound >= _worst[p] && K > 0;

    private static double[] CreateWorst(int profiles)
    {
        var worst = new double[profiles];
        Array.Fill(worst, double.NegativeInfinity);
        return worst;
    }

    public void Offer(int p, double score, int item)
    {
        if (K <= 0) return;
        int b = p * K;
        int count = _count[p];
        if (count < K)
        {
            int i = count;
            _count[p] = count + 1;
            _scores[b + i] = score; _items[b + i] = item;
            while (i > 0)
            {
                int parent = (i - 1) >> 1;
                if (!TopKHeap.Better(_scores[b + parent], _items[b + parent], _scores[b + i], _items[b + i])) break;
                Swap(b + i, b + parent);
                i = parent;
            }
            if (count + 1 == K) _worst[p] = _scores[b];
            return;
        }
        if (!TopKHeap.Better(score, item, _scores[b], _items[b])) return;
        _scores[b] = score; _items[b] = item;
        int at = 0;
        while (true)
        {
            int l = 2 * at + 1, r = l + 1, worst = at;
            if (l < K && TopKHeap.Better(_scores[b + worst], _items[b + worst], _scores[b + l], _items[b + l])) worst = l;
            if (r < K && TopKHeap.Better(_scores[b + worst], _items[b + worst], _scores[b + r], _items[b + r])) worst = r;
            if (worst == at) break;
            Swap(b + at, b + worst);
            at = worst;
        }
        _worst[p] = _scores[b];
    }

    /// <summary>Profile p's entries, best first.</summary>
    public (double Score, int Item)[] Sorted(int p)
    {
        int b = p * K, count = _count[p];
        var result = new (double, int)[count];
        for (int i = 0; i < count; i++) result[i] = (_scores[b + i], _items[b + i]);
        Array.Sort(result, static (x, y) => x.Item1 != y.Item1 ? y.Item1.CompareTo(x.Item1) : x.Item2.CompareTo(y.Item2));
        return result;
    }

    private void Swap(int a, int b)
    {
        (_scores[a], _scores[b]) = (_scores[b], _scores[a]);
        (_items[a], _items[b]) = (_items[b], _items[a]);
    }
}
