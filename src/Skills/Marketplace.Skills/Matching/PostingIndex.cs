using Marketplace.Skills.Scoring;
using Marketplace.Skills.Taxonomy;

namespace Marketplace.Skills.Matching;

/// <summary>An index over postings that returns the exact top-k postings for a profile (the same as scoring every posting).</summary>
/// <remarks>
/// Every requirement of every posting is a slot (skill, minimum level, weight); per skill, the postings that ask for it. For a profile,
/// each skill it earns credit for gets its best credit at each minimum level 1..5 (a max over the profile's skills, as the scorer
/// takes it); postings that ask for one of those skills are then scored slot by slot in requirement order, bit-identical to the scorer.
/// </remarks>
public sealed class PostingIndex
{
    private const double NonSkillMax = MatchingModel.SeniorityPoints + MatchingModel.LocationPoints + MatchingModel.SalaryPoints;

    private readonly string[] _ids;
    private readonly CompiledPosting[] _compiled;
    private readonly int[] _firstSlot;
    private readonly int[] _requiredSlots;
    private readonly int[] _slotSkill;
    private readonly byte[] _slotMin;
    private readonly double[] _slotWeight;
    private readonly double[] _requiredWeight;
    private readonly double[] _niceWeight;
    private readonly Seniority?[] _seniority;
    private readonly WorkMode[] _mode;
    private readonly int[] _country;
    private readonly double?[] _salaryMax;
    private readonly int[][] _postingsBySkill;
    private readonly (int Target, double Coefficient)[][] _targets;
    private readonly double _untouchedBound;
    private readonly CountryCodes _countries = new();
    private readonly ThreadLocal<Scratch> _scratch;

    private PostingIndex(SkillTaxonomy taxonomy, IReadOnlyList<Posting> postings)
    {
        Taxonomy = taxonomy;
        var sorted = postings.OrderBy(p => p.Id, StringComparer.Ordinal).ToArray();
        int n = sorted.Length;
        _ids = new string[n];
        _compiled = new CompiledPosting[n];
        _firstSlot = new int[n + 1];
        _requiredSlots = new int[n];
        _requiredWeight = new double[n];
        _niceWeight = new double[n];
        _seniority = new Seniority?[n];
        _mode = new WorkMode[n];
        _country = new int[n];
        _salaryMax = new double?[n];
        var slots = new List<Requirement>();
        var bySkill = new List<int>[taxonomy.Skills.Count];
        for (int s = 0; s < bySkill.Length; s++) bySkill[s] = [];
        for (int j = 0; j < n; j++)
        {
            if (j > 0 && sorted[j].Id == sorted[j - 1].Id) throw new ArgumentException($"duplicate posting id '{sorted[j].Id}'");
            var c = _compiled[j] = new CompiledPosting(sorted[j], taxonomy);
            _ids[j] = c.Source.Id;
            _firstSlot[j] = slots.Count;
            _requiredSlots[j] = c.Required.Length;
            _requiredWeight[j] = c.RequiredWeight;
            _niceWeight[j] = c.NiceWeight;
            _seniority[j] = c.Seniority;
            _mode[j] = c.Mode;
            _country[j] = _countries.Add(c.Country);
            _salaryMax[j] = c.SalaryMax;
            foreach (var r in c.Required.Concat(c.Nice))
            {
                slots.Add(r);
                var list = bySkill[r.Skill];
                if (list.Count == 0 || list[^1] != j) list.Add(j);
            }
        }
        _firstSlot[n] = slots.Count;
        _slotSkill = [.. slots.Select(r => r.Skill)];
        _slotMin = [.. slots.Select(r => (byte)r.MinLevel)];
        _slotWeight = [.. slots.Select(r => r.Weight)];
        _postingsBySkill = [.. bySkill.Select(l => l.ToArray())];
        _untouchedBound = n == 0 ? 0 : Enumerable.Range(0, n).Max(j => MatchingModel.Combine(0, _requiredWeight[j], 0, _niceWeight[j], NonSkillMax));

        var targets = new List<(int, double)>[taxonomy.Skills.Count];
        for (int s = 0; s < targets.Length; s++) targets[s] = [];
        for (int r = 0; r < targets.Length; r++)
            foreach (var source in taxonomy.CreditSourcesArray(r)) targets[source.SkillIndex].Add((r, source.Coefficient));
        _targets = [.. targets.Select(t => t.ToArray())];
        _scratch = new ThreadLocal<Scratch>(() => new Scratch(n, taxonomy.Skills.Count));
    }

    public SkillTaxonomy Taxonomy { get; }

    public int Count => _ids.Length;

    internal CompiledPosting CompiledAt(int j) => _compiled[j];

    internal string IdAt(int j) => _ids[j];

    /// <summary>Indexes the postings; ties in a top-k go to the smaller id (ordinal).</summary>
    public static PostingIndex Build(SkillTaxonomy taxonomy, IReadOnlyList<Posting> postings) => new(taxonomy, postings);

    /// <summary>The bytes the index's arrays take (not the id strings).</summary>
    public long EstimatedBytes =>
        _slotSkill.Length * 13L + _postingsBySkill.Sum(a => 24L + 4L * a.Length) + _targets.Sum(t => 24L + 16L * t.Length) + Count * 64L;

    /// <summary>The k best postings for the profile, best first, exactly as scoring every posting would rank them.</summary>
    public IReadOnlyList<RankedMatch> TopK(Profile profile, int k) => TopK(new CompiledProfile(profile, Taxonomy), k);

    internal IReadOnlyList<RankedMatch> TopK(CompiledProfile profile, int k)
    {
        if (k <= 0 || Count == 0) return [];
        var s = _scratch.Value!;
        var heap = s.HeapOf(k);
        int gen = s.NextGeneration();

        // Best credit per reached skill and minimum level: the max over the profile's skills, as the scorer takes it.
        int reached = 0;
        foreach (var (skill, level) in profile.Levels)
        {
            foreach (var (target, coefficient) in _targets[skill])
            {
                int at = target * 6;
                if (s.SkillStamp[target] != gen)
                {
                    s.SkillStamp[target] = gen;
                    for (int m = 1; m <= 5; m++) s.Credit[at + m] = 0;
                    s.Reached[reached++] = target;
                }
                for (int m = 1; m <= 5; m++)
                {
                    double c = coefficient * MatchingModel.LevelFactor(level, m);
                    if (c > s.Credit[at + m]) s.Credit[at + m] = c;
                }
            }
        }

        int profileCountry = _countries.Find(profile.Country);
        for (int i = 0; i < reached; i++)
        {
            foreach (int j in _postingsBySkill[s.Reached[i]])
            {
                if (s.PostingStamp[j] == gen) continue;
                s.PostingStamp[j] = gen;
                double req = 0, nice = 0;
                int first = _firstSlot[j], split = first + _requiredSlots[j], end = _firstSlot[j + 1];
                for (int slot = first; slot < split; slot++)
                {
                    int skill = _slotSkill[slot];
                    double credit = s.SkillStamp[skill] == gen ? s.Credit[skill * 6 + _slotMin[slot]] : 0;
                    req += _slotWeight[slot] * credit;
                }
                for (int slot = split; slot < end; slot++)
                {
                    int skill = _slotSkill[slot];
                    double credit = s.SkillStamp[skill] == gen ? s.Credit[skill * 6 + _slotMin[slot]] : 0;
                    nice += _slotWeight[slot] * credit;
                }
                if (heap.IsFull && MatchingModel.RequiredPart(req, _requiredWeight[j]) + MatchingModel.NicePart(nice, _niceWeight[j]) + NonSkillMax + 1e-9 < heap.WorstScore)
                    continue;
                heap.Offer(MatchingModel.Combine(req, _requiredWeight[j], nice, _niceWeight[j], NonSkill(profile, j, profileCountry)), j);
            }
        }

        // A posting that asks for nothing the profile reaches earns its "nothing matched" parts at most.
        if (!heap.IsFull || heap.WorstScore <= _untouchedBound + 1e-9)
            for (int j = 0; j < Count; j++)
                if (s.PostingStamp[j] != gen)
                    heap.Offer(MatchingModel.Combine(0, _requiredWeight[j], 0, _niceWeight[j], NonSkill(profile, j, profileCountry)), j);

        var sorted = heap.Sorted();
        var result = new RankedMatch[sorted.Length];
        for (int i = 0; i < sorted.Length; i++) result[i] = new RankedMatch(_ids[sorted[i].Item], sorted[i].Score);
        return result;
    }

    private double NonSkill(CompiledProfile profile, int j, int profileCountry) =>
        MatchingModel.NonSkill(
            MatchingModel.SeniorityFit(profile.Seniority, _seniority[j]),
            MatchingModel.ModeFit(profile.Remote, _mode[j]),
            MatchingModel.CountryFit(CountryCodes.SameOrUnknown(profileCountry, _country[j]), profile.WillingToRelocate, _mode[j]),
            MatchingModel.SalaryFit(_salaryMax[j], profile.MinSalary));

    private sealed class Scratch(int postings, int skills)
    {
        private int _generation;
        private TopKHeap _heap = new(0);

        public readonly int[] PostingStamp = new int[postings];
        public readonly int[] SkillStamp = new int[skills];
        public readonly int[] Reached = new int[skills];
        public readonly double[] Credit = new double[skills * 6];

        public TopKHeap HeapOf(int k)
        {
            if (_heap.Capacity != k) _heap = new TopKHeap(k);
            _heap.Clear();
            return _heap;
        }

        public int NextGeneration()
        {
            if (++_generation == int.MaxValue) { Array.Clear(PostingStamp); Array.Clear(SkillStamp); _generation = 1; }
            return _generation;
        }
    }
}
