namespace Marketplace.Skills.Matching;

/// <summary>One entry of a top-k: the matched profile's or posting's id and its exact score.</summary>
public readonly record struct RankedMatch(string Id, double Score);

// Keeps the k best (score desc, dense index asc): a min-heap whose root is the worst kept entry.
internal sealed class TopKHeap(int capacity)
{
    private readonly double[] _scores = new double[Math.Max(1, capacity)];
    private readonly int[] _items = new int[Math.Max(1, capacity)];

    public int Count { get; private set; }
    public int Capacity { get; } = capacity;
    public bool IsFull => Count >= Capacity;
    public double WorstScore => _scores[0];

    public void Clear() => Count = 0;

    public void Offer(double score, int item)
    {
        if (Capacity <= 0) return;
        if (Count < Capacity)
        {
            int i = Count++;
            _scores[i] = score; _items[i] = item;
            SiftUp(i);
        }
        else if (Better(score, item, _scores[0], _items[0]))
        {
            _scores[0] = score; _items[0] = item;
            SiftDown(0);
        }
    }

    /// <summary>The kept entries, best first.</summary>
    public (double Score, int Item)[] Sorted()
    {
        var result = new (double, int)[Count];
        for (int i = 0; i < Count; i++) result[i] = (_scores[i], _items[i]);
        Array.Sort(result, static (a, b) => a.Item1 != b.Item1 ? b.Item1.CompareTo(a.Item1) : a.Item2.CompareTo(b.Item2));
        return result;
    }

    internal static bool Better(double s1, int i1, double s2, int i2) => s1 > s2 || (s1 == s2 && i1 < i2);

    private void SiftUp(int i)
    {
        while (i > 0)
        {
            int parent = (i - 1) >> 1;
            if (!Better(_scores[parent], _items[parent], _scores[i], _items[i])) break;
            Swap(i, parent);
            i = parent;
        }
    }

    private void SiftDown(int i)
    {
        while (true)
        {
            int l = 2 * i + 1, r = l + 1, worst = i;
            if (l < Count && Better(_scores[worst], _items[worst], _scores[l], _items[l])) worst = l;
            if (r < Count && Better(_scores[worst], _items[worst], _scores[r], _items[r])) worst = r;
            if (worst == i) return;
            Swap(i, worst);
            i = worst;
        }
    }

    private void Swap(int a, int b)
    {
        (_scores[a], _scores[b]) = (_scores[b], _scores[a]);
        (_items[a], _items[b]) = (_items[b], _items[a]);
    }
}
