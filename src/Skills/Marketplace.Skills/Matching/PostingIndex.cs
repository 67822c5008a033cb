using Marketplace.Skills.Scoring;
using Marketplace.Skills.Taxonomy;

namespace Marketplace.Skills.Matching;

/// <summary>An index over postings that returns the exact top-k postings for a profile (the same as scoring every posting).</summary>
/// <remarks>
/// Every requirement of every posting is a slot; per skill, the slots that ask for it. For a profile, each of its skills reaches the
/// skills it earns credit for (itself, what it implies, related skills) and their slots; each touched posting then folds its slots'
/// best credits in requirement order, the scorer's arithmetic bit for bit.
/// </remarks>
public sealed class PostingIndex
{
    private readonly CompiledPosting[] _postings;
    private readonly int[] _firstSlot;
    private readonly int[] _slotPosting;
    private readonly int[][] _slotsBySkill;
    private readonly (int Target, double Coefficient)[][] _targets;
    private readonly int[] _country;
    private readonly double _untouchedBound;
    private readonly CountryCodes _countries = new();
    private readonly ThreadLocal<Scratch> _scratch;

    private PostingIndex(SkillTaxonomy taxonomy, IReadOnlyList<Posting> postings)
    {
        Taxonomy = taxonomy;
        var sorted = postings.OrderBy(p => p.Id, StringComparer.Ordinal).ToArray();
        int n = sorted.Length;
        _postings = new CompiledPosting[n];
        _firstSlot = new int[n + 1];
        _country = new int[n];
        var slotSkills = new List<int>();
        var slotPosting = new List<int>();
        for (int j = 0; j < n; j++)
        {
            if (j > 0 && sorted[j].Id == sorted[j - 1].Id) throw new ArgumentException($"duplicate posting id '{sorted[j].Id}'");
            var c = _postings[j] = new CompiledPosting(sorted[j], taxonomy);
            _country[j] = _countries.Add(c.Country);
            _firstSlot[j] = slotSkills.Count;
            foreach (var r in c.Required.Concat(c.Nice)) { slotSkills.Add(r.Skill); slotPosting.Add(j); }
        }
        _firstSlot[n] = slotSkills.Count;
        const double nonSkillMax = MatchingModel.SeniorityPoints + MatchingModel.LocationPoints + MatchingModel.SalaryPoints;
        _untouchedBound = n == 0 ? 0 : _postings.Max(c => MatchingModel.Combine(0, c.RequiredWeight, 0, c.NiceWeight, nonSkillMax));
        _slotPosting = [.. slotPosting];
        _slotsBySkill = new int[taxonomy.Skills.Count][];
        var bySkill = slotSkills.Select((skill, slot) => (skill, slot)).ToLookup(x => x.skill, x => x.slot);
        for (int s = 0; s < _slotsBySkill.Length; s++) _slotsBySkill[s] = [.. bySkill[s]];

        var targets = new List<(int, double)>[taxonomy.Skills.Count];
        for (int s = 0; s < targets.Length; s++) targets[s] = [];
        for (int r = 0; r < targets.Length; r++)
            foreach (var source in taxonomy.CreditSourcesArray(r)) targets[source.SkillIndex].Add((r, source.Coefficient));
        _targets = [.. targets.Select(t => t.ToArray())];
        _scratch = new ThreadLocal<Scratch>(() => new Scratch(n, _slotPosting.Length));
    }

    public SkillTaxonomy Taxonomy { get; }

    public int Count => _postings.Length;

    /// <summary>Indexes the postings; ties in a top-k go to the smaller id (ordinal).</summary>
    public static PostingIndex Build(SkillTaxonomy taxonomy, IReadOnlyList<Posting> postings) => new(taxonomy, postings);

    /// <summary>The k best postings for the profile, best first, exactly as scoring every posting would rank them.</summary>
    public IReadOnlyList<RankedMatch> TopK(Profile profile, int k) => TopK(new CompiledProfile(profile, Taxonomy), k);

    internal IReadOnlyList<RankedMatch> TopK(CompiledProfile profile, int k)
    {
        var s = _scratch.Value!;
        if (s.Heap.Capacity != k) s.Heap = new TopKHeap(k);
        var heap = s.Heap;
        heap.Clear();
        if (k <= 0 || Count == 0) return [];

        int gen = s.NextGeneration();
        int touchedPostings = 0;
        foreach (var (skill, level) in profile.Levels)
        {
            foreach (var (target, coefficient) in _targets[skill])
            {
                foreach (int slot in _slotsBySkill[target])
                {
                    int j = _slotPosting[slot];
                    var r = SlotRequirement(j, slot);
                    double c = coefficient * MatchingModel.LevelFactor(level, r.MinLevel);
                    if (s.SlotStamp[slot] != gen) { s.SlotStamp[slot] = gen; s.Best[slot] = c; }
                    else if (c > s.Best[slot]) s.Best[slot] = c;
                    if (s.PostingStamp[j] != gen) { s.PostingStamp[j] = gen; s.Touched[touchedPostings++] = j; }
                }
            }
        }

        int profileCountry = -3;
        for (int t = 0; t < touchedPostings; t++)
        {
            int j = s.Touched[t];
            var posting = _postings[j];
            double req = 0, nice = 0;
            int first = _firstSlot[j];
            for (int i = 0; i < posting.Required.Length; i++)
                if (s.SlotStamp[first + i] == gen) req += posting.Required[i].Weight * s.Best[first + i];
            first += posting.Required.Length;
            for (int i = 0; i < posting.Nice.Length; i++)
                if (s.SlotStamp[first + i] == gen) nice += posting.Nice[i].Weight * s.Best[first + i];
            heap.Offer(MatchingModel.Combine(req, posting.RequiredWeight, nice, posting.NiceWeight, NonSkill(profile, j, ref profileCountry)), j);
        }

        // An untouched posting earns its "no requirement" parts at most; scan them only when one could still enter the top-k.
        if (!heap.IsFull || heap.WorstScore <= _untouchedBound)
        {
            for (int j = 0; j < Count; j++)
            {
                if (s.PostingStamp[j] == gen) continue;
                var posting = _postings[j];
                heap.Offer(MatchingModel.Combine(0, posting.RequiredWeight, 0, posting.NiceWeight, NonSkill(profile, j, ref profileCountry)), j);
            }
        }
        var sorted = heap.Sorted();
        var result = new RankedMatch[sorted.Length];
        for (int i = 0; i < sorted.Length; i++) result[i] = new RankedMatch(_postings[sorted[i].Item].Source.Id, sorted[i].Score);
        return result;
    }

    private Requirement SlotRequirement(int j, int slot)
    {
        var posting = _postings[j];
        int i = slot - _firstSlot[j];
        return i < posting.Required.Length ? posting.Required[i] : posting.Nice[i - posting.Required.Length];
    }

    private double NonSkill(CompiledProfile profile, int j, ref int profileCountry)
    {
        if (profileCountry == -3) profileCountry = _countries.Find(profile.Country);
        var posting = _postings[j];
        return MatchingModel.NonSkill(
            MatchingModel.SeniorityFit(profile.Seniority, posting.Seniority),
            MatchingModel.ModeFit(profile.Remote, posting.Mode),
            MatchingModel.CountryFit(CountryCodes.SameOrUnknown(profileCountry, _country[j]), profile.WillingToRelocate, posting.Mode),
            MatchingModel.SalaryFit(posting.SalaryMax, profile.MinSalary));
    }

    private sealed class Scratch(int postings, int slots)
    {
        private int _generation;

        public readonly double[] Best = new double[slots];
        public readonly int[] SlotStamp = new int[slots];
        public readonly int[] PostingStamp = new int[postings];
        public readonly int[] Touched = new int[postings];
        public TopKHeap Heap = new(0);

        public int NextGeneration()
        {
            if (++_generation == int.MaxValue) { Array.Clear(SlotStamp); Array.Clear(PostingStamp); _generation = 1; }
            return _generation;
        }
    }
}
