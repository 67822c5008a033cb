using Marketplace.Skills.Scoring;
using Marketplace.Skills.Taxonomy;

namespace Marketplace.Skills.Matching;

/// <summary>An immutable index over postings that returns the exact top-k postings for a profile (the same as scoring every posting
/// and dropping those whose dealbreakers the profile fails); <see cref="Apply"/> returns an updated index.</summary>
/// <remarks>
/// Every requirement of every posting is a slot (skill, minimum level, weight); per skill, the postings that ask for it. For a profile,
/// each skill it earns credit for gets its best credit at each minimum level 1..5 (a max over the profile's skills, as the scorer
/// takes it); postings that ask for one of those skills are then scored slot by slot in requirement order, bit-identical to the scorer.
/// Postings are far fewer than profiles, so an update rebuilds the slot arrays from the compiled postings (milliseconds at 10,000).
/// </remarks>
public sealed class PostingIndex
{
    private readonly CompiledPosting[] _compiled;
    private readonly string[] _ids;
    private readonly int[] _firstSlot;
    private readonly int[] _requiredSlots;
    private readonly int[] _slotSkill;
    private readonly byte[] _slotMin;
    private readonly double[] _slotWeight;
    private readonly bool[] _slotDealbreaker;
    private readonly int[] _country;
    private readonly int[][] _postingsBySkill;
    private readonly double _untouchedBound;
    private readonly CountryCodes _countries = new();

    private PostingIndex(SkillTaxonomy taxonomy, CompiledPosting[] sorted)
    {
        Taxonomy = taxonomy;
        int n = sorted.Length;
        _compiled = sorted;
        _ids = new string[n];
        _firstSlot = new int[n + 1];
        _requiredSlots = new int[n];
        _country = new int[n];
        int slots = 0;
        foreach (var c in sorted) slots += c.Required.Length + c.Nice.Length;
        _slotSkill = new int[slots];
        _slotMin = new byte[slots];
        _slotWeight = new double[slots];
        _slotDealbreaker = new bool[slots];
        var bySkill = new List<int>?[taxonomy.Skills.Count];
        int slot = 0;
        for (int j = 0; j < n; j++)
        {
            var c = sorted[j];
            _ids[j] = c.Source.Id;
            _firstSlot[j] = slot;
            _requiredSlots[j] = c.Required.Length;
            _country[j] = _countries.Add(c.Country);
            foreach (var r in c.Required.Concat(c.Nice))
            {
                _slotSkill[slot] = r.Skill;
                _slotMin[slot] = (byte)r.MinLevel;
                _slotWeight[slot] = r.Weight;
                _slotDealbreaker[slot++] = r.Dealbreaker;
                var list = bySkill[r.Skill] ??= [];
                if (list.Count == 0 || list[^1] != j) list.Add(j);
            }
        }
        _firstSlot[n] = slot;
        _postingsBySkill = [.. bySkill.Select(l => l is null ? [] : l.ToArray())];
        _untouchedBound = 0;
        foreach (var c in sorted)
            _untouchedBound = Math.Max(_untouchedBound, MatchingModel.Combine(0, c.RequiredWeight, 0, c.NiceWeight, ProfileIndex.NonSkillMax));
    }

    public SkillTaxonomy Taxonomy { get; }

    public int Count => _ids.Length;

    internal CompiledPosting CompiledAt(int j) => _compiled[j];

    internal string IdAt(int j) => _ids[j];

    /// <summary>Indexes the postings; ties in a top-k go to the smaller id (ordinal).</summary>
    public static PostingIndex Build(SkillTaxonomy taxonomy, IReadOnlyList<Posting> postings)
    {
        var compiled = postings.Select(p => new CompiledPosting(p, taxonomy)).OrderBy(c => c.Source.Id, StringComparer.Ordinal).ToArray();
        for (int j = 1; j < compiled.Length; j++)
            if (compiled[j].Source.Id == compiled[j - 1].Source.Id) throw new ArgumentException($"duplicate posting id '{compiled[j].Source.Id}'");
        return new PostingIndex(taxonomy, compiled);
    }

    /// <summary>True when a posting with this id is indexed.</summary>
    public bool Contains(string postingId) => Array.BinarySearch(_ids, postingId, StringComparer.Ordinal) >= 0;

    /// <summary>The index with this posting added, or replacing the one with its id.</summary>
    public PostingIndex With(Posting posting) => Apply([posting], []);

    /// <summary>The index without the posting of this id (the same index when there is none).</summary>
    public PostingIndex Without(string postingId) => Apply([], [postingId]);

    /// <summary>The index after removing <paramref name="removals"/> and then adding or replacing <paramref name="upserts"/> (the
    /// last one wins for a repeated id); answers exactly as an index built from scratch on the resulting postings. Invalid postings
    /// throw <see cref="ArgumentException"/> before anything changes (this index is immutable in any case).</summary>
    public PostingIndex Apply(IEnumerable<Posting> upserts, IEnumerable<string> removals)
    {
        var added = new Dictionary<string, CompiledPosting>(StringComparer.Ordinal);
        foreach (var posting in upserts) added[posting.Id] = new CompiledPosting(posting, Taxonomy);
        var gone = new HashSet<string>(removals, StringComparer.Ordinal);
        gone.IntersectWith(_ids);
        if (added.Count == 0 && gone.Count == 0) return this;
        // Both runs are sorted by id: merge them.
        var incoming = added.Values.OrderBy(c => c.Source.Id, StringComparer.Ordinal).ToArray();
        var sorted = new List<CompiledPosting>(_compiled.Length + incoming.Length);
        int i = 0;
        foreach (var c in _compiled)
        {
            for (; i < incoming.Length && string.CompareOrdinal(incoming[i].Source.Id, c.Source.Id) < 0; i++) sorted.Add(incoming[i]);
            if (!gone.Contains(c.Source.Id) && !added.ContainsKey(c.Source.Id)) sorted.Add(c);
        }
        for (; i < incoming.Length; i++) sorted.Add(incoming[i]);
        return new PostingIndex(Taxonomy, [.. sorted]);
    }

    /// <summary>The bytes the index's arrays take (not the id strings nor the compiled postings).</summary>
    public long EstimatedBytes => _slotSkill.Length * 14L + _postingsBySkill.Sum(a => 24L + 4L * a.Length) + Count * 64L;

    /// <summary>The k best postings for the profile, best first, exactly as scoring every posting would rank them; postings whose
    /// dealbreakers the profile fails are left out.</summary>
    public IReadOnlyList<RankedMatch> TopK(Profile profile, int k) => TopK(IndexedProfile.From(profile, Taxonomy), k);

    internal IReadOnlyList<RankedMatch> TopK(IndexedProfile profile, int k)
    {
        if (k <= 0 || Count == 0) return [];
        var reach = Reach.Current(Taxonomy.Skills.Count);
        reach.Load(this, profile.Skills);
        var fit = FitOf(profile);
        var heap = reach.HeapOf(k);
        int gen = reach.Generation;
        for (int i = 0; i < reach.ReachedCount; i++)
        {
            foreach (int j in _postingsBySkill[reach.Reached[i]])
            {
                if (reach.PostingStamp[j] == gen) continue;
                reach.PostingStamp[j] = gen;
                var (req, nice, excluded) = SkillSums(reach, j);
                if (excluded) continue;
                if (heap.IsFull && MatchingModel.RequiredPart(req, _compiled[j].RequiredWeight) + MatchingModel.NicePart(nice, _compiled[j].NiceWeight)
                    + ProfileIndex.NonSkillMax + 1e-9 < heap.WorstScore)
                    continue;
                heap.Offer(MatchingModel.Combine(req, _compiled[j].RequiredWeight, nice, _compiled[j].NiceWeight, NonSkill(fit, j)), j);
            }
        }

        // A posting that asks for nothing the profile reaches earns its "nothing matched" parts at most, and a dealbreaker excludes.
        if (!heap.IsFull || heap.WorstScore <= _untouchedBound + 1e-9)
            for (int j = 0; j < Count; j++)
                if (reach.PostingStamp[j] != gen && _compiled[j].Dealbreakers == 0)
                    heap.Offer(MatchingModel.Combine(0, _compiled[j].RequiredWeight, 0, _compiled[j].NiceWeight, NonSkill(fit, j)), j);

        var sorted = heap.Sorted();
        var result = new RankedMatch[sorted.Length];
        for (int i = 0; i < sorted.Length; i++) result[i] = new RankedMatch(_ids[sorted[i].Item], sorted[i].Score);
        return result;
    }

    // Every posting's exact score for the profile by posting index, NaN where a dealbreaker excludes it.
    internal double[] ScoresOf(Profile profile)
    {
        var indexed = IndexedProfile.From(profile, Taxonomy);
        var reach = Reach.Current(Taxonomy.Skills.Count);
        reach.Load(this, indexed.Skills);
        var fit = FitOf(indexed);
        var scores = new double[Count];
        for (int j = 0; j < Count; j++) scores[j] = Score(reach, fit, j);
        return scores;
    }

    internal int IndexOf(string postingId) => Array.BinarySearch(_ids, postingId, StringComparer.Ordinal);

    // The exact score of posting j for the profile loaded in reach, or NaN when a dealbreaker excludes it.
    internal double Score(Reach reach, in ProfileFit fit, int j)
    {
        var (req, nice, excluded) = SkillSums(reach, j);
        return excluded ? double.NaN : MatchingModel.Combine(req, _compiled[j].RequiredWeight, nice, _compiled[j].NiceWeight, NonSkill(fit, j));
    }

    internal ProfileFit FitOf(IndexedProfile profile) =>
        new(profile.Seniority, profile.Remote, profile.Relocate, profile.MinSalary, _countries.Find(profile.Country));

    private (double Required, double Nice, bool Excluded) SkillSums(Reach reach, int j)
    {
        int gen = reach.Generation;
        double req = 0, nice = 0;
        int first = _firstSlot[j], split = first + _requiredSlots[j], end = _firstSlot[j + 1];
        for (int slot = first; slot < split; slot++)
        {
            int skill = _slotSkill[slot];
            bool reached = reach.SkillStamp[skill] == gen;
            if (_slotDealbreaker[slot] && (!reached || (reach.Meets[skill] >> (_slotMin[slot] - 1) & 1) == 0)) return (0, 0, true);
            req += _slotWeight[slot] * (reached ? reach.Credit[skill * 6 + _slotMin[slot]] : 0);
        }
        for (int slot = split; slot < end; slot++)
        {
            int skill = _slotSkill[slot];
            nice += _slotWeight[slot] * (reach.SkillStamp[skill] == gen ? reach.Credit[skill * 6 + _slotMin[slot]] : 0);
        }
        return (req, nice, false);
    }

    private double NonSkill(in ProfileFit fit, int j)
    {
        var c = _compiled[j];
        return MatchingModel.NonSkill(
            MatchingModel.SeniorityFit(fit.Seniority == 0 ? null : (Seniority)fit.Seniority, c.Seniority),
            MatchingModel.ModeFit(fit.Remote, c.Mode),
            MatchingModel.CountryFit(CountryCodes.SameOrUnknown(fit.Country, _country[j]), fit.Relocate, c.Mode),
            MatchingModel.SalaryFit(c.SalaryMax, double.IsNaN(fit.MinSalary) ? null : fit.MinSalary));
    }

    // A profile's non-skill fields, its country in this index's codes.
    internal readonly record struct ProfileFit(int Seniority, RemotePreference Remote, bool Relocate, double MinSalary, int Country);

    // One profile's reach, per thread: the best credit for each skill it earns credit for at each minimum level (a max over its
    // skills, as the scorer takes it) and the minimum levels at which it meets the skill as a dealbreaker.
    internal sealed class Reach
    {
        [ThreadStatic] private static Reach? _current;

        private int _generation;
        private TopKHeap _heap = new(0);

        public int[] PostingStamp = [];
        public int[] SkillStamp = [];
        public int[] Reached = [];
        public double[] Credit = [];
        public byte[] Meets = [];
        public int ReachedCount;

        public int Generation => _generation;

        public static Reach Current(int skills)
        {
            var reach = _current ??= new Reach();
            if (reach.SkillStamp.Length < skills)
            {
                reach.SkillStamp = new int[skills];
                reach.Reached = new int[skills];
                reach.Credit = new double[skills * 6];
                reach.Meets = new byte[skills];
                Array.Clear(reach.PostingStamp);
                reach._generation = 0;
            }
            return reach;
        }

        public TopKHeap HeapOf(int k)
        {
            if (_heap.Capacity != k) _heap = new TopKHeap(k);
            _heap.Clear();
            return _heap;
        }

        public void Load(PostingIndex index, IEnumerable<(int Skill, int Level)> skills)
        {
            if (PostingStamp.Length < index.Count) PostingStamp = new int[Math.Max(index.Count, PostingStamp.Length * 2)];
            if (++_generation == int.MaxValue)
            {
                Array.Clear(PostingStamp);
                Array.Clear(SkillStamp);
                _generation = 1;
            }
            ReachedCount = 0;
            var targets = CreditTargets.For(index.Taxonomy);
            foreach (var (skill, level) in skills)
            {
                foreach (var target in targets[skill])
                {
                    int r = target.Skill, at = r * 6;
                    if (SkillStamp[r] != _generation)
                    {
                        SkillStamp[r] = _generation;
                        for (int m = 1; m <= 5; m++) Credit[at + m] = 0;
                        Meets[r] = 0;
                        Reached[ReachedCount++] = r;
                    }
                    for (int m = 1; m <= 5; m++)
                    {
                        double c = target.Coefficient * MatchingModel.LevelFactor(level, m);
                        if (c > Credit[at + m]) Credit[at + m] = c;
                    }
                    if (target.CanMeet) Meets[r] |= (byte)((1 << level) - 1);
                }
            }
        }
    }
}
