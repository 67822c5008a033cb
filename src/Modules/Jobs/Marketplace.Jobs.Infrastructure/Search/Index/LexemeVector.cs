namespace Marketplace.Jobs.Infrastructure.Search.Index;

/// <summary>A tsvector held compactly: lexeme ids ascending, and each one's positions (with their weights) in one array.</summary>
internal sealed class LexemeVector(int[] lexemes, int[] offsets, ushort[] positions)
{
    public static readonly LexemeVector Empty = new([], [0], []);

    public int[] Lexemes { get; } = lexemes;

    /// <summary>The positions of the <paramref name="index"/>th lexeme (in <see cref="Lexemes"/>' order).</summary>
    public ReadOnlySpan<ushort> PositionsAt(int index) => positions.AsSpan(offsets[index], offsets[index + 1] - offsets[index]);

    public ReadOnlySpan<ushort> PositionsOf(int lexeme)
    {
        var at = Array.BinarySearch(Lexemes, lexeme);
        return at < 0 ? default : positions.AsSpan(offsets[at], offsets[at + 1] - offsets[at]);
    }

    public static LexemeVector From(List<(string Lexeme, ushort[] Positions)> parsed, Func<string, int> idOf)
    {
        var entries = parsed.Select(p => (Id: idOf(p.Lexeme), p.Positions)).OrderBy(e => e.Id).ToList();
        var ids = new int[entries.Count];
        var offsets = new int[entries.Count + 1];
        var all = new ushort[entries.Sum(e => e.Positions.Length)];
        var next = 0;
        for (var i = 0; i < entries.Count; i++)
        {
            ids[i] = entries[i].Id;
            offsets[i] = next;
            entries[i].Positions.CopyTo(all, next);
            next += entries[i].Positions.Length;
        }

        offsets[^1] = next;
        return new LexemeVector(ids, offsets, all);
    }
}

/// <summary>The postings a lexeme is in, ordinals ascending, each with the lexeme's positions there.</summary>
internal sealed class PostingList
{
    private readonly List<int> _starts = [];
    private readonly List<ushort> _positions = [];

    public List<int> Ordinals { get; } = [];

    public void Add(int ordinal, ReadOnlySpan<ushort> positions)
    {
        Ordinals.Add(ordinal);
        _starts.Add(_positions.Count);
        _positions.AddRange(positions);
    }

    public void Clear()
    {
        Ordinals.Clear();
        _starts.Clear();
        _positions.Clear();
    }

    /// <summary>The positions of the <paramref name="index"/>th posting of the list.</summary>
    public ReadOnlySpan<ushort> PositionsAt(int index)
    {
        var end = index + 1 < _starts.Count ? _starts[index + 1] : _positions.Count;
        return System.Runtime.InteropServices.CollectionsMarshal.AsSpan(_positions)[_starts[index]..end];
    }

    /// <summary>The lexeme's positions in a posting; empty when it is not there.</summary>
    public ReadOnlySpan<ushort> PositionsOf(int ordinal)
    {
        var at = System.Runtime.InteropServices.CollectionsMarshal.AsSpan(Ordinals).BinarySearch(ordinal);
        return at < 0 ? default : PositionsAt(at);
    }
}

/// <summary>
/// PostgreSQL's ts_rank with the default weights and no normalization (tsrank.c: calc_rank_or, calc_rank_and), on the
/// index's vectors, so results rank as they did when PostgreSQL ranked them.
/// </summary>
internal static class TsRank
{
    private static readonly float[] Weights = [0.1f, 0.2f, 0.4f, 1.0f];

    /// <param name="items">The query's distinct lexemes in PostgreSQL's order (by length, then bytes), as ids (-1: in no posting).</param>
    public static float Of(LexemeVector vector, int[] items, bool andRoot)
    {
        var rank = andRoot && items.Length >= 2 ? RankAnd(vector, items) : RankOr(vector, items);
        return rank < 0 ? 1e-20f : rank;
    }

    private static float RankOr(LexemeVector vector, int[] items)
    {
        var rank = 0f;
        foreach (var item in items)
        {
            var positions = item < 0 ? default : vector.PositionsOf(item);
            if (positions.IsEmpty)
            {
                continue;
            }

            var sum = 0f;
            var max = -1f;
            var maxAt = 0;
            for (var j = 0; j < positions.Length; j++)
            {
                var weight = Weights[WordPosition.Weight(positions[j])];
                sum += weight / ((j + 1) * (j + 1));
                if (weight > max)
                {
                    max = weight;
                    maxAt = j;
                }
            }

            rank = (float)(rank + (max + sum - max / ((maxAt + 1) * (maxAt + 1))) / 1.64493406685);
        }

        return items.Length > 0 ? rank / items.Length : rank;
    }

    private static float RankAnd(LexemeVector vector, int[] items)
    {
        var rank = -1f;
        for (var i = 0; i < items.Length; i++)
        {
            var these = items[i] < 0 ? default : vector.PositionsOf(items[i]);
            if (these.IsEmpty)
            {
                continue;
            }

            for (var k = 0; k < i; k++)
            {
                var earlier = items[k] < 0 ? default : vector.PositionsOf(items[k]);
                foreach (var l in these)
                {
                    foreach (var p in earlier)
                    {
                        var distance = Math.Abs(WordPosition.Position(l) - WordPosition.Position(p));
                        if (distance == 0)
                        {
                            continue;
                        }

                        var current = (float)Math.Sqrt(Weights[WordPosition.Weight(l)] * Weights[WordPosition.Weight(p)] * WordDistance(distance));
                        rank = rank < 0 ? current : (float)(1.0 - (1.0 - rank) * (1.0 - current));
                    }
                }
            }
        }

        return rank;
    }

    private static float WordDistance(int distance) =>
        distance > 100 ? 1e-30f : (float)(1.0 / (1.005 + 0.05 * Math.Exp((float)distance / 1.5 - 2)));
}
