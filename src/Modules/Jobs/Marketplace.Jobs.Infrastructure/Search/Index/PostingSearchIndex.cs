using System.Numerics;
using Marketplace.Jobs.Application.Search;
using Marketplace.Jobs.Domain.Postings;

namespace Marketplace.Jobs.Infrastructure.Search.Index;

/// <summary>
/// The published postings of this process, as an inverted index over their search documents, kept up to date from the
/// postings table's change feed (<see cref="IndexedPostingSearch"/>). It answers a search with the rules of the SQL in
/// <see cref="PostingSearchSql"/>: the same matches, ranks (ts_rank on the head), orders, keysets, caps and facets, except
/// that the facets' sample is the newest matches where PostgreSQL took the first its index gave.
/// </summary>
/// <remarks>
/// Postings get ordinals in the order they are indexed; a lexeme's posting list holds ordinals ascending, and a search's
/// matches are a bitset over ordinals. A changed or withdrawn posting leaves a dead ordinal behind (cleared from the live
/// set), and the index compacts when the dead outnumber the live. Readers share a lock; applying changes takes it alone.
/// </remarks>
internal sealed class PostingSearchIndex
{
    private readonly ReaderWriterLockSlim _lock = new(LockRecursionPolicy.NoRecursion);
    private readonly Dictionary<string, int> _lexemeIds = new(StringComparer.Ordinal);
    private readonly List<PostingList> _postingLists = [];
    private readonly List<IndexedPosting?> _postings = [];

    /// <summary>The newest version seen of every posting (published or not), and its ordinal while indexed.</summary>
    private readonly Dictionary<Guid, (ulong Xid, int Ordinal)> _seen = [];

    private ulong[] _live = [];

    /// <summary>What the salary and publication filters read, by ordinal, side by side in memory.</summary>
    private readonly List<FilterFacts> _facts = [];
    private readonly Dictionary<string, int> _currencies = new(StringComparer.Ordinal);
    private ulong[][] _byWorkMode = NewBitsets(Enum.GetValues<WorkMode>().Length);
    private ulong[][] _bySeniority = NewBitsets(Enum.GetValues<Seniority>().Length);

    /// <summary>The bitsets of lexemes in many postings, made on first use and forgotten on every change.</summary>
    private ulong[]?[] _lexemeBits = [];
    private int[] _newest = [];

    /// <summary>Each ordinal's place in <see cref="_newest"/>, so that ordering by it is comparing two integers.</summary>
    private int[] _placeOf = [];
    private int _dead;
    private FeedPosition _position = FeedPosition.Start;

    private readonly Lock _gate = new();
    private long _arrivals;
    private long _caughtUpThrough;
    private Task? _catchingUp;
    private long _catchingUpCovers;

    /// <summary>Each term's text as PostgreSQL's websearch_to_tsquery read it (bounded: forgotten all at once when full).</summary>
    public System.Collections.Concurrent.ConcurrentDictionary<string, string> ParsedTerms { get; } = new(StringComparer.Ordinal);

    public void RememberParsed(string text, string tsquery)
    {
        if (ParsedTerms.Count >= 10_000)
        {
            ParsedTerms.Clear();
        }

        ParsedTerms[text] = tsquery;
    }

    /// <summary>
    /// Returns once a read of the feed that began after this call has been applied. Callers that arrive while one runs wait
    /// for it and then share the next, so under load one round trip serves every search that arrived during the previous one.
    /// </summary>
    public async Task CatchUpAsync(Func<Task> readFeed)
    {
        var ticket = Interlocked.Increment(ref _arrivals);
        while (true)
        {
            Task running;
            long covers;
            lock (_gate)
            {
                if (_caughtUpThrough >= ticket)
                {
                    return;
                }

                if (_catchingUp is null)
                {
                    _catchingUpCovers = Interlocked.Read(ref _arrivals);
                    _catchingUp = ReadAsync(readFeed, _catchingUpCovers);
                }

                running = _catchingUp;
                covers = _catchingUpCovers;
            }

            await running;
            if (covers >= ticket)
            {
                return;
            }
        }
    }

    private async Task ReadAsync(Func<Task> readFeed, long covers)
    {
        // Returns to CatchUpAsync before reading, so the task is in place before it can finish.
        await Task.Yield();
        try
        {
            await readFeed();
            lock (_gate)
            {
                _caughtUpThrough = Math.Max(_caughtUpThrough, covers);
            }
        }
        finally
        {
            lock (_gate)
            {
                _catchingUp = null;
            }
        }
    }

    /// <summary>Only one full load at a time.</summary>
    public SemaphoreSlim Loading { get; } = new(1, 1);

    /// <summary>The truncation epoch the index was loaded in; null before the first load.</summary>
    public long? Epoch { get; private set; }

    /// <summary>Where the index last read the feed: what it read includes every transaction that had ended by then.</summary>
    public FeedPosition Position => Volatile.Read(ref _position);

    /// <summary>Replaces everything with <paramref name="rows"/> (the published postings), read after <paramref name="position"/>.</summary>
    public void Load(IReadOnlyList<PostingRow> rows, FeedPosition position, long epoch)
    {
        _lock.EnterWriteLock();
        try
        {
            _lexemeIds.Clear();
            _postingLists.Clear();
            _postings.Clear();
            _facts.Clear();
            _seen.Clear();
            _live = [];
            _byWorkMode = NewBitsets(_byWorkMode.Length);
            _bySeniority = NewBitsets(_bySeniority.Length);
            _dead = 0;
            foreach (var row in rows)
            {
                Put(row);
            }

            Volatile.Write(ref _position, position);
            Epoch = epoch;
            Reorder();
        }
        finally
        {
            _lock.ExitWriteLock();
        }
    }

    /// <summary>
    /// Applies rows the feed read (versions older than what is held are skipped, so feeds read concurrently can be applied
    /// in any order) and moves the feed position forward.
    /// </summary>
    public void Apply(IReadOnlyList<PostingRow> rows, FeedPosition position)
    {
        if (rows.Count > 0 && AnyNewer(rows))
        {
            _lock.EnterWriteLock();
            try
            {
                var changed = false;
                foreach (var row in rows)
                {
                    changed |= Put(row);
                }

                if (changed)
                {
                    if (_dead > 1_024 && _dead > _seen.Count)
                    {
                        Compact();
                    }

                    Reorder();
                }
            }
            finally
            {
                _lock.ExitWriteLock();
            }
        }

        var current = Volatile.Read(ref _position);
        while (position.IsAfter(current))
        {
            var seen = Interlocked.CompareExchange(ref _position, position, current);
            if (ReferenceEquals(seen, current))
            {
                break;
            }

            current = seen;
        }
    }

    private bool AnyNewer(IReadOnlyList<PostingRow> rows)
    {
        _lock.EnterReadLock();
        try
        {
            return rows.Any(r => !_seen.TryGetValue(r.Id, out var held) || held.Xid < r.Xid);
        }
        finally
        {
            _lock.ExitReadLock();
        }
    }

    private bool Put(PostingRow row)
    {
        var ordinal = -1;
        if (_seen.TryGetValue(row.Id, out var held))
        {
            if (held.Xid >= row.Xid)
            {
                return false;
            }

            if (held.Ordinal >= 0)
            {
                _postings[held.Ordinal] = null;
                _live[held.Ordinal >> 6] &= ~(1UL << held.Ordinal);
                _dead++;
            }
        }

        if (row.Posting is { } posting)
        {
            posting.Document = LexemeVector.From(posting.DocumentText ?? [], LexemeId);
            posting.Head = LexemeVector.From(posting.HeadText ?? [], LexemeId);
            posting.DocumentText = null;
            posting.HeadText = null;
            ordinal = Index(posting);
        }

        _seen[row.Id] = (row.Xid, ordinal);
        return true;
    }

    private int Index(IndexedPosting posting)
    {
        var ordinal = _postings.Count;
        _postings.Add(posting);
        if (!_currencies.TryGetValue(posting.Currency, out var currency))
        {
            currency = _currencies.Count;
            _currencies.Add(posting.Currency, currency);
        }

        _facts.Add(new FilterFacts((long)(posting.YearlyMax * 100), currency, posting.PublishedAt.UtcTicks));
        if ((ordinal >> 6) >= _live.Length)
        {
            Array.Resize(ref _live, Math.Max(16, _live.Length * 2));
        }

        if ((ordinal >> 6) >= _byWorkMode[0].Length)
        {
            for (var i = 0; i < _byWorkMode.Length; i++)
            {
                Array.Resize(ref _byWorkMode[i], _live.Length);
            }

            for (var i = 0; i < _bySeniority.Length; i++)
            {
                Array.Resize(ref _bySeniority[i], _live.Length);
            }
        }

        _live[ordinal >> 6] |= 1UL << ordinal;
        _byWorkMode[(int)posting.WorkMode][ordinal >> 6] |= 1UL << ordinal;
        _bySeniority[(int)posting.Seniority][ordinal >> 6] |= 1UL << ordinal;
        var lexemes = posting.Document.Lexemes;
        for (var k = 0; k < lexemes.Length; k++)
        {
            _postingLists[lexemes[k]].Add(ordinal, posting.Document.PositionsAt(k));
        }

        return ordinal;
    }

    private int LexemeId(string lexeme)
    {
        if (!_lexemeIds.TryGetValue(lexeme, out var id))
        {
            id = _lexemeIds.Count;
            _lexemeIds.Add(lexeme, id);
            _postingLists.Add(new PostingList());
        }

        return id;
    }

    private void Compact()
    {
        var live = _postings.Where(p => p is not null).Select(p => p!).ToList();
        _postings.Clear();
        _facts.Clear();
        foreach (var list in _postingLists)
        {
            list.Clear();
        }

        _live = new ulong[Math.Max(16, (live.Count >> 6) + 1)];
        _byWorkMode = NewBitsets(_byWorkMode.Length);
        _bySeniority = NewBitsets(_bySeniority.Length);
        _dead = 0;
        foreach (var posting in live)
        {
            var ordinal = Index(posting);
            _seen[posting.Id] = (posting.Xid, ordinal);
        }
    }

    /// <summary>The postings a lexeme is in, as a bitset over ordinals (shared: callers copy it); kept for lexemes in many postings.</summary>
    private ulong[] LexemeBits(int lexeme)
    {
        var cache = _lexemeBits;
        if (lexeme < cache.Length && cache[lexeme] is { } cached && cached.Length == _live.Length)
        {
            return cached;
        }

        var bits = new ulong[_live.Length];
        var list = _postingLists[lexeme].Ordinals;
        foreach (var ordinal in list)
        {
            bits[ordinal >> 6] |= 1UL << ordinal;
        }

        if (list.Count >= 512 && lexeme < cache.Length)
        {
            Interlocked.CompareExchange(ref cache[lexeme], bits, null);
        }

        return bits;
    }

    /// <summary>A posting's yearly maximum in cents (salaries have two decimals), currency and publication time.</summary>
    private readonly record struct FilterFacts(long YearlyMaxCents, int Currency, long PublishedTicks);

    private static ulong[][] NewBitsets(int count) => [.. Enumerable.Range(0, count).Select(_ => Array.Empty<ulong>())];

    /// <summary>The live ordinals newest first (published_at, then id, both descending), as searches walk them.</summary>
    private void Reorder()
    {
        _lexemeBits = new ulong[]?[_postingLists.Count];
        var ordinals = new List<int>(_postings.Count - _dead);
        for (var i = 0; i < _postings.Count; i++)
        {
            if (_postings[i] is not null)
            {
                ordinals.Add(i);
            }
        }

        var array = ordinals.ToArray();
        Array.Sort(array, (a, b) => Newer(_postings[a]!, _postings[b]!));
        _newest = array;
        _placeOf = new int[_postings.Count];
        for (var place = 0; place < array.Length; place++)
        {
            _placeOf[array[place]] = place;
        }
    }

    /// <summary>Negative when <paramref name="a"/> comes first newest first.</summary>
    private static int Newer(IndexedPosting a, IndexedPosting b)
    {
        var byTime = b.PublishedAt.CompareTo(a.PublishedAt);
        return byTime != 0 ? byTime : b.Id.CompareTo(a.Id);
    }

    /// <summary>
    /// Runs a search. <paramref name="hasTsQuery"/> says the search has words, skills or a country; <paramref name="tsquery"/>
    /// is then PostgreSQL's tsquery for them (null when it reduced to nothing, which matches nothing).
    /// </summary>
    public PostingSearchPage Search(PostingSearchQuery query, bool hasTsQuery, TsNode? tsquery)
    {
        _lock.EnterReadLock();
        try
        {
            return new Searching(this, query, hasTsQuery, tsquery).Run();
        }
        finally
        {
            _lock.ExitReadLock();
        }
    }

    /// <summary>One search over the index, under its read lock.</summary>
    private sealed class Searching
    {
        /// <summary>Below this many matches, sorting them beats walking every posting newest first.</summary>
        private const int SortBelow = 2_048;

        private readonly PostingSearchIndex _index;
        private readonly PostingSearchQuery _query;
        private readonly bool _hasTsQuery;
        private readonly TsNode? _tsquery;
        private readonly int[] _items;
        private readonly bool _andRoot;
        private readonly Dictionary<Guid, float>? _scores;

        /// <summary>The matches of the words, skills and country with the salary and publication filters (what the facets count over).</summary>
        private readonly ulong[] _base;

        /// <summary><see cref="_base"/> with the chosen work modes and seniorities.</summary>
        private readonly ulong[] _filtered;

        private readonly int _baseCount;
        private readonly int _filteredCount;

        public Searching(PostingSearchIndex index, PostingSearchQuery query, bool hasTsQuery, TsNode? tsquery)
        {
            _index = index;
            _query = query;
            _hasTsQuery = hasTsQuery;
            _tsquery = tsquery;
            var words = index._live.Length;
            _base = !hasTsQuery ? (ulong[])index._live.Clone() : tsquery is null ? new ulong[words] : Evaluate(tsquery);
            for (var w = 0; w < words; w++)
            {
                _base[w] &= index._live[w];
            }

            if ((query.MinYearlySalary is not null && query.Currency is not null) || query.PublishedSince is not null)
            {
                var facts = System.Runtime.InteropServices.CollectionsMarshal.AsSpan(index._facts);
                var (minCents, currency) = query.MinYearlySalary is { } min && query.Currency is { } code
                    ? ((long)Math.Ceiling(min * 100), index._currencies.GetValueOrDefault(code, -1))
                    : (long.MinValue, -2);
                // PostgreSQL keeps microseconds: the time a search sends is cut to them.
                var since = query.PublishedSince is { } time ? time.UtcTicks - (time.UtcTicks % 10) : long.MinValue;
                foreach (var ordinal in SetBits(_base))
                {
                    ref readonly var fact = ref facts[ordinal];
                    if ((currency != -2 && (fact.Currency != currency || fact.YearlyMaxCents < minCents)) || fact.PublishedTicks < since)
                    {
                        _base[ordinal >> 6] &= ~(1UL << ordinal);
                    }
                }
            }

            _filtered = (ulong[])_base.Clone();
            if (query.WorkModes.Count > 0)
            {
                Restrict(_filtered, query.WorkModes.Select(m => index._byWorkMode[(int)m]));
            }

            if (query.Seniorities.Count > 0)
            {
                Restrict(_filtered, query.Seniorities.Select(s => index._bySeniority[(int)s]));
            }

            _baseCount = PopCount(_base);
            _filteredCount = PopCount(_filtered);
            _items = tsquery is null ? [] : [.. Items(tsquery)];
            _andRoot = tsquery is TsAnd or TsPhrase;
            if (query.Sort == SearchSort.BestMatch)
            {
                _scores = [];
                foreach (var scored in query.MatchScores)
                {
                    _scores.TryAdd(scored.PostingId, scored.Score);
                }
            }
        }

        public PostingSearchPage Run()
        {
            var (hits, hasMore) = Page();
            if (!_query.Facets)
            {
                return new PostingSearchPage(hits, hasMore, null, null);
            }

            var counted = Math.Min(_filteredCount, PostingSearchCaps.Count + 1);
            var (facets, sampled) = Facets();
            return new PostingSearchPage(hits, hasMore, Math.Min(counted, PostingSearchCaps.Count), facets with { Approximate = sampled >= PostingSearchCaps.FacetSample })
            {
                TotalCapped = counted > PostingSearchCaps.Count,
            };
        }

        /// <summary>Keeps in <paramref name="bits"/> the postings in any of <paramref name="allowed"/>.</summary>
        private static void Restrict(ulong[] bits, IEnumerable<ulong[]> allowed)
        {
            var union = new ulong[bits.Length];
            foreach (var set in allowed)
            {
                for (var w = 0; w < Math.Min(set.Length, union.Length); w++)
                {
                    union[w] |= set[w];
                }
            }

            for (var w = 0; w < bits.Length; w++)
            {
                bits[w] &= union[w];
            }
        }

        private static int PopCount(ulong[] bits)
        {
            var count = 0;
            foreach (var word in bits)
            {
                count += BitOperations.PopCount(word);
            }

            return count;
        }

        private static bool IsSet(ulong[] bits, int ordinal) => (bits[ordinal >> 6] & (1UL << ordinal)) != 0;

        private float Rank(IndexedPosting posting)
        {
            if (_scores is not null)
            {
                return _scores.TryGetValue(posting.Id, out var score) ? score : -1f;
            }

            return _tsquery is null ? 0f : TsRank.Of(posting.Head, _items, _andRoot);
        }

        /// <summary>Up to <paramref name="limit"/> postings of <paramref name="bits"/> (counting <paramref name="count"/>), newest first.</summary>
        private IEnumerable<IndexedPosting> Newest(ulong[] bits, int count, int limit)
        {
            if (count <= SortBelow)
            {
                var ordinals = SetBits(bits).ToArray();
                var places = Array.ConvertAll(ordinals, o => _index._placeOf[o]);
                Array.Sort(places, ordinals);
                return ordinals.Take(limit).Select(o => _index._postings[o]!);
            }

            return WalkNewest(bits, limit);
        }

        private IEnumerable<IndexedPosting> WalkNewest(ulong[] bits, int limit) => WalkNewestOrdinals(bits, limit).Select(o => _index._postings[o]!);

        private IEnumerable<int> WalkNewestOrdinals(ulong[] bits, int limit)
        {
            var found = 0;
            foreach (var ordinal in _index._newest)
            {
                if (found == limit)
                {
                    yield break;
                }

                if (IsSet(bits, ordinal))
                {
                    found++;
                    yield return ordinal;
                }
            }
        }

        private (List<PostingHit> Hits, bool HasMore) Page()
        {
            var take = _query.PageSize + 1;
            var after = _query.After;
            var hits = new List<PostingHit>(take);
            var ranksTopSet = _query.Sort == SearchSort.Relevance && _hasTsQuery;
            if (_query.Sort == SearchSort.Newest || (_query.Sort == SearchSort.Relevance && !_hasTsQuery))
            {
                // Every rank is 0 here, so the order is newest first.
                foreach (var posting in Newest(_filtered, _filteredCount, int.MaxValue))
                {
                    if (after is not null && !AfterNewest(posting, after, _query.Sort == SearchSort.Relevance))
                    {
                        continue;
                    }

                    hits.Add(Hit(posting, Rank(posting), null));
                    if (hits.Count == take)
                    {
                        break;
                    }
                }
            }
            else
            {
                IEnumerable<IndexedPosting> source;
                DateTimeOffset? windowFrom = null;
                if (ranksTopSet)
                {
                    // The top set: the newest RelevanceDepth matches, or on later pages every match since the first page's set began.
                    var set = after?.WindowFrom is { } from
                        ? Newest(_filtered, _filteredCount, int.MaxValue).TakeWhile(p => p.PublishedAt >= from).ToList()
                        : [.. Newest(_filtered, _filteredCount, PostingSearchCaps.RelevanceDepth)];
                    windowFrom = set.Count == 0 ? null : set.Min(p => p.PublishedAt);
                    source = set;
                }
                else
                {
                    source = SetBits(_filtered).Select(o => _index._postings[o]!);
                }

                var order = _query.Sort == SearchSort.Salary ? (Comparison<(IndexedPosting Posting, float Rank)>)BySalary : ByRank;
                var top = new PriorityQueue<(IndexedPosting Posting, float Rank), (IndexedPosting Posting, float Rank)>(take + 1, Comparer<(IndexedPosting, float)>.Create((a, b) => order(b, a)));
                var bySalary = _query.Sort == SearchSort.Salary;
                foreach (var posting in source)
                {
                    // Salary order does not read the rank: only the page's postings are ranked, below.
                    var entry = (posting, bySalary ? 0f : Rank(posting));
                    if (after is not null && !IsAfter(entry, after))
                    {
                        continue;
                    }

                    if (top.Count < take)
                    {
                        top.Enqueue(entry, entry);
                    }
                    else if (order(entry, top.Peek()) < 0)
                    {
                        top.DequeueEnqueue(entry, entry);
                    }
                }

                var chosen = new List<(IndexedPosting Posting, float Rank)>(top.Count);
                while (top.Count > 0)
                {
                    chosen.Add(top.Dequeue());
                }

                chosen.Reverse();
                hits.AddRange(chosen.Select(c => Hit(c.Posting, bySalary ? Rank(c.Posting) : c.Rank, ranksTopSet ? windowFrom : null)));
            }

            var hasMore = hits.Count > _query.PageSize;
            if (hasMore)
            {
                hits.RemoveAt(hits.Count - 1);
            }

            return (hits, hasMore);
        }

        private PostingHit Hit(IndexedPosting posting, float rank, DateTimeOffset? windowFrom) =>
            posting.Hit with { Rank = rank, OtherCurrency = posting.Currency != _query.SortCurrency, WindowFrom = windowFrom };

        /// <summary>(published_at, id) after the position newest first; with <paramref name="withRank"/>, (0, published_at, id) after it by rank first.</summary>
        private static bool AfterNewest(IndexedPosting posting, SearchPosition after, bool withRank)
        {
            if (withRank && after.Rank != 0f)
            {
                return 0f < after.Rank;
            }

            var byTime = posting.PublishedAt.CompareTo(after.PublishedAt);
            return byTime < 0 || (byTime == 0 && posting.Id.CompareTo(after.Id) < 0);
        }

        private bool IsAfter((IndexedPosting Posting, float Rank) entry, SearchPosition after)
        {
            if (_query.Sort == SearchSort.Salary)
            {
                var other = entry.Posting.Currency != _query.SortCurrency;
                if (other != after.OtherCurrency)
                {
                    return other && !after.OtherCurrency;
                }

                var byYearly = entry.Posting.YearlyMax.CompareTo(after.YearlyMax);
                return byYearly < 0 || (byYearly == 0 && entry.Posting.Id.CompareTo(after.Id) < 0);
            }

            if (entry.Rank != after.Rank)
            {
                return entry.Rank < after.Rank;
            }

            var byTime = entry.Posting.PublishedAt.CompareTo(after.PublishedAt);
            return byTime < 0 || (byTime == 0 && entry.Posting.Id.CompareTo(after.Id) < 0);
        }

        /// <summary>rank DESC, published_at DESC, id DESC.</summary>
        private static int ByRank((IndexedPosting Posting, float Rank) a, (IndexedPosting Posting, float Rank) b)
        {
            var byRank = b.Rank.CompareTo(a.Rank);
            return byRank != 0 ? byRank : Newer(a.Posting, b.Posting);
        }

        /// <summary>other_currency (false first), salary_yearly_max DESC, id DESC.</summary>
        private int BySalary((IndexedPosting Posting, float Rank) a, (IndexedPosting Posting, float Rank) b)
        {
            var otherA = a.Posting.Currency != _query.SortCurrency;
            var otherB = b.Posting.Currency != _query.SortCurrency;
            if (otherA != otherB)
            {
                return otherA ? 1 : -1;
            }

            var byYearly = b.Posting.YearlyMax.CompareTo(a.Posting.YearlyMax);
            return byYearly != 0 ? byYearly : b.Posting.Id.CompareTo(a.Posting.Id);
        }

        /// <summary>Over the newest FacetSample matches without the work mode and seniority filters: every mode and seniority pair, and the top skills with those filters.</summary>
        private (PostingSearchFacets Facets, int Sampled) Facets()
        {
            var grid = new int[_index._byWorkMode.Length, _index._bySeniority.Length];
            var skills = new Dictionary<string, int>(StringComparer.Ordinal);
            var sampled = 0;
            var sample = _baseCount <= PostingSearchCaps.FacetSample
                ? SetBits(_base)
                : WalkNewestOrdinals(_base, PostingSearchCaps.FacetSample);
            foreach (var ordinal in sample)
            {
                var posting = _index._postings[ordinal]!;
                sampled++;
                grid[(int)posting.WorkMode, (int)posting.Seniority]++;
                if (IsSet(_filtered, ordinal))
                {
                    foreach (var skill in posting.SkillIds)
                    {
                        skills[skill] = skills.GetValueOrDefault(skill) + 1;
                    }
                }
            }

            var topSkills = skills.OrderByDescending(s => s.Value).ThenBy(s => s.Key, StringComparer.Ordinal)
                .Take(PostingSearchSql.SkillFacetSize).Select(s => new FacetCount(s.Key, s.Value)).ToList();
            var modes = Enum.GetValues<WorkMode>();
            var seniorities = Enum.GetValues<Seniority>();
            var facets = new PostingSearchFacets(
                [.. modes.Select(m => new FacetCount(m.ToString(),
                    seniorities.Where(s => _query.Seniorities.Count == 0 || _query.Seniorities.Contains(s)).Sum(s => grid[(int)m, (int)s])))],
                [.. seniorities.Select(s => new FacetCount(s.ToString(),
                    modes.Where(m => _query.WorkModes.Count == 0 || _query.WorkModes.Contains(m)).Sum(m => grid[(int)m, (int)s])))],
                topSkills);
            return (facets, sampled);
        }

        private static IEnumerable<int> SetBits(ulong[] bits)
        {
            for (var w = 0; w < bits.Length; w++)
            {
                var word = bits[w];
                while (word != 0)
                {
                    var bit = BitOperations.TrailingZeroCount(word);
                    yield return (w << 6) + bit;
                    word &= word - 1;
                }
            }
        }

        /// <summary>The postings (live or dead: the caller intersects with the live set) that a tsquery node matches.</summary>
        private ulong[] Evaluate(TsNode node)
        {
            switch (node)
            {
                case TsLexeme lexeme:
                    return _index._lexemeIds.TryGetValue(lexeme.Text, out var id) ? (ulong[])_index.LexemeBits(id).Clone() : new ulong[_index._live.Length];
                case TsNot negation:
                    var inner = Evaluate(negation.Operand);
                    for (var w = 0; w < inner.Length; w++)
                    {
                        inner[w] = ~inner[w];
                    }

                    return inner;
                case TsAnd conjunction:
                    return Combine(Evaluate(conjunction.Left), Evaluate(conjunction.Right), both: true);
                case TsOr disjunction:
                    return Combine(Evaluate(disjunction.Left), Evaluate(disjunction.Right), both: false);
                case TsPhrase { Left: TsLexeme left, Right: TsLexeme right } pair:
                    return _index._lexemeIds.TryGetValue(left.Text, out var leftId) && _index._lexemeIds.TryGetValue(right.Text, out var rightId)
                        ? Adjacent(_index._postingLists[leftId], _index._postingLists[rightId], pair.Distance, _index._live.Length)
                        : new ulong[_index._live.Length];
                case TsPhrase phrase:
                    // Both sides present is necessary; then the positions decide, posting by posting.
                    var candidates = Combine(Evaluate(phrase.Left), Evaluate(phrase.Right), both: true);
                    for (var w = 0; w < candidates.Length; w++)
                    {
                        var word = candidates[w];
                        while (word != 0)
                        {
                            var bit = BitOperations.TrailingZeroCount(word);
                            word &= word - 1;
                            var ordinal = (w << 6) + bit;
                            if (ordinal >= _index._postings.Count || Positions(phrase, ordinal).Positions.Count == 0)
                            {
                                candidates[w] &= ~(1UL << bit);
                            }
                        }
                    }

                    return candidates;
                default:
                    throw new NotSupportedException(node.GetType().Name);
            }
        }

        /// <summary>The postings where <paramref name="right"/> comes <paramref name="distance"/> positions after <paramref name="left"/>: both lists merged, ordinals and positions ascending.</summary>
        private static ulong[] Adjacent(PostingList left, PostingList right, int distance, int words)
        {
            var found = new ulong[words];
            var l = System.Runtime.InteropServices.CollectionsMarshal.AsSpan(left.Ordinals);
            var r = System.Runtime.InteropServices.CollectionsMarshal.AsSpan(right.Ordinals);
            var i = 0;
            var j = 0;
            while (i < l.Length && j < r.Length)
            {
                if (l[i] < r[j])
                {
                    i++;
                }
                else if (r[j] < l[i])
                {
                    j++;
                }
                else
                {
                    if (Follows(left.PositionsAt(i), right.PositionsAt(j), distance))
                    {
                        found[l[i] >> 6] |= 1UL << l[i];
                    }

                    i++;
                    j++;
                }
            }

            return found;
        }

        private static bool Follows(ReadOnlySpan<ushort> lefts, ReadOnlySpan<ushort> rights, int distance)
        {
            var i = 0;
            foreach (var entry in rights)
            {
                var wanted = WordPosition.Position(entry) - distance;
                while (i < lefts.Length && WordPosition.Position(lefts[i]) < wanted)
                {
                    i++;
                }

                if (i < lefts.Length && WordPosition.Position(lefts[i]) == wanted)
                {
                    return true;
                }
            }

            return false;
        }

        private static ulong[] Combine(ulong[] left, ulong[] right, bool both)
        {
            for (var w = 0; w < left.Length; w++)
            {
                left[w] = both ? left[w] & right[w] : left[w] | right[w];
            }

            return left;
        }

        /// <summary>
        /// Where a phrase node ends in a document and how wide it is, as PostgreSQL's TS_phrase_execute has it: the right side
        /// must end exactly distance + its width after the left side ends; and and or inside a phrase keep both sides' positions.
        /// </summary>
        private (List<int> Positions, int Width) Positions(TsNode node, int ordinal)
        {
            switch (node)
            {
                case TsLexeme lexeme:
                    var found = new List<int>();
                    if (_index._lexemeIds.TryGetValue(lexeme.Text, out var id))
                    {
                        foreach (var entry in _index._postingLists[id].PositionsOf(ordinal))
                        {
                            found.Add(WordPosition.Position(entry));
                        }
                    }

                    return (found, 0);
                case TsPhrase phrase:
                    var left = Positions(phrase.Left, ordinal);
                    var right = Positions(phrase.Right, ordinal);
                    var ends = new List<int>();
                    var starts = new HashSet<int>(left.Positions);
                    foreach (var end in right.Positions)
                    {
                        if (starts.Contains(end - phrase.Distance - right.Width))
                        {
                            ends.Add(end);
                        }
                    }

                    return (ends, left.Width + phrase.Distance + right.Width);
                case TsAnd or TsOr:
                    var (a, b) = node is TsAnd conjunction ? (conjunction.Left, conjunction.Right) : (((TsOr)node).Left, ((TsOr)node).Right);
                    var l = Positions(a, ordinal);
                    var r = Positions(b, ordinal);
                    if (node is TsAnd && (l.Positions.Count == 0 || r.Positions.Count == 0))
                    {
                        return ([], 0);
                    }

                    var width = Math.Max(l.Width, r.Width);
                    var union = new SortedSet<int>(l.Positions.Select(p => p + width - l.Width));
                    union.UnionWith(r.Positions.Select(p => p + width - r.Width));
                    return ([.. union], width);
                default:
                    throw new NotSupportedException("a negation inside a phrase");
            }
        }

        /// <summary>The query's distinct lexemes in the order ts_rank takes them (by length, then bytes).</summary>
        private IEnumerable<int> Items(TsNode node)
        {
            var lexemes = new HashSet<string>(StringComparer.Ordinal);
            Collect(node, lexemes);
            return lexemes.OrderBy(l => System.Text.Encoding.UTF8.GetByteCount(l)).ThenBy(l => l, StringComparer.Ordinal)
                .Select(l => _index._lexemeIds.TryGetValue(l, out var id) ? id : -1);
        }

        private static void Collect(TsNode node, HashSet<string> lexemes)
        {
            switch (node)
            {
                case TsLexeme lexeme:
                    lexemes.Add(lexeme.Text);
                    break;
                case TsNot negation:
                    Collect(negation.Operand, lexemes);
                    break;
                case TsAnd conjunction:
                    Collect(conjunction.Left, lexemes);
                    Collect(conjunction.Right, lexemes);
                    break;
                case TsOr disjunction:
                    Collect(disjunction.Left, lexemes);
                    Collect(disjunction.Right, lexemes);
                    break;
                case TsPhrase phrase:
                    Collect(phrase.Left, lexemes);
                    Collect(phrase.Right, lexemes);
                    break;
            }
        }
    }
}
