using Marketplace.Skills.Scoring;
using Marketplace.Skills.Taxonomy;

namespace Marketplace.Skills.Matching;

/// <summary>An index over profiles that returns the exact top-k profiles for a posting (the same as scoring every profile), fast.</summary>
/// <remarks>
/// Per skill, a posting list of (profile, level). For a posting, each requirement's credit sources (the skill, skills that imply it,
/// related skills) are walked once, keeping each touched profile's best credit; credits are folded in requirement order, so the
/// arithmetic is the scorer's, bit for bit. Untouched profiles are scored only when they could still enter the top-k.
/// </remarks>
public sealed class ProfileIndex
{
    private readonly string[] _ids;
    private readonly int[][] _profilesBySkill;
    private readonly byte[][] _levelsBySkill;
    private readonly Seniority?[] _seniority;
    private readonly RemotePreference[] _remote;
    private readonly int[] _country;
    private readonly bool[] _relocate;
    private readonly double?[] _minSalary;
    private readonly CountryCodes _countries = new();
    private readonly ThreadLocal<Scratch> _scratch;

    private ProfileIndex(SkillTaxonomy taxonomy, IReadOnlyList<Profile> profiles)
    {
        Taxonomy = taxonomy;
        var sorted = profiles.OrderBy(p => p.Id, StringComparer.Ordinal).ToArray();
        int n = sorted.Length;
        _ids = new string[n];
        _seniority = new Seniority?[n];
        _remote = new RemotePreference[n];
        _country = new int[n];
        _relocate = new bool[n];
        _minSalary = new double?[n];
        var counts = new int[taxonomy.Skills.Count];
        var compiled = new CompiledProfile[n];
        for (int p = 0; p < n; p++)
        {
            if (p > 0 && sorted[p].Id == sorted[p - 1].Id) throw new ArgumentException($"duplicate profile id '{sorted[p].Id}'");
            var c = compiled[p] = new CompiledProfile(sorted[p], taxonomy);
            _ids[p] = sorted[p].Id;
            _seniority[p] = c.Seniority;
            _remote[p] = c.Remote;
            _country[p] = _countries.Add(c.Country);
            _relocate[p] = c.WillingToRelocate;
            _minSalary[p] = c.MinSalary;
            foreach (int s in c.Levels.Keys) counts[s]++;
        }
        _profilesBySkill = new int[counts.Length][];
        _levelsBySkill = new byte[counts.Length][];
        for (int s = 0; s < counts.Length; s++) { _profilesBySkill[s] = new int[counts[s]]; _levelsBySkill[s] = new byte[counts[s]]; }
        var fill = new int[counts.Length];
        for (int p = 0; p < n; p++)
            foreach (var (s, level) in compiled[p].Levels)
            {
                int at = fill[s]++;
                _profilesBySkill[s][at] = p;
                _levelsBySkill[s][at] = (byte)level;
            }
        _scratch = new ThreadLocal<Scratch>(() => new Scratch(n));
    }

    public SkillTaxonomy Taxonomy { get; }

    public int Count => _ids.Length;

    /// <summary>Indexes the profiles; ties in a top-k go to the smaller id (ordinal).</summary>
    public static ProfileIndex Build(SkillTaxonomy taxonomy, IReadOnlyList<Profile> profiles) => new(taxonomy, profiles);

    /// <summary>The bytes the index's arrays take (posting lists and per-profile fields; not the id strings' text).</summary>
    public long EstimatedBytes =>
        _profilesBySkill.Sum(a => 24L + 4L * a.Length) + _levelsBySkill.Sum(a => 24L + a.Length)
        + (long)Count * (8 + 8 + 4 + 4 + 1 + 16) + 8L * Count * 5 /* per-thread scratch, one thread */;

    /// <summary>The k best profiles for the posting, best first, exactly as scoring every profile would rank them.</summary>
    public IReadOnlyList<RankedMatch> TopK(Posting posting, int k) => TopK(new CompiledPosting(posting, Taxonomy), k);

    internal IReadOnlyList<RankedMatch> TopK(CompiledPosting posting, int k)
    {
        var s = _scratch.Value!;
        if (s.Heap.Capacity != k) s.Heap = new TopKHeap(k);
        var heap = s.Heap;
        heap.Clear();
        if (k <= 0 || Count == 0) return [];

        int gen = s.NextGeneration();
        int touchedCount = 0;
        Accumulate(posting.Required, s, s.Required, gen, ref touchedCount);
        Accumulate(posting.Nice, s, s.Nice, gen, ref touchedCount);

        int postingCountry = _countries.Find(posting.Country);
        for (int t = 0; t < touchedCount; t++)
        {
            int p = s.Touched[t];
            double score = MatchingModel.Combine(s.Required[p], posting.RequiredWeight, s.Nice[p], posting.NiceWeight, NonSkill(p, posting, postingCountry));
            heap.Offer(score, p);
        }

        double untouchedBound = MatchingModel.Combine(0, posting.RequiredWeight, 0, posting.NiceWeight,
            MatchingModel.SeniorityPoints + MatchingModel.LocationPoints + MatchingModel.SalaryPoints);
        if (!heap.IsFull || heap.WorstScore <= untouchedBound)
        {
            for (int p = 0; p < Count; p++)
            {
                if (s.Stamp[p] == gen) continue;
                heap.Offer(MatchingModel.Combine(0, posting.RequiredWeight, 0, posting.NiceWeight, NonSkill(p, posting, postingCountry)), p);
            }
        }
        var sorted = heap.Sorted();
        var result = new RankedMatch[sorted.Length];
        for (int i = 0; i < sorted.Length; i++) result[i] = new RankedMatch(_ids[sorted[i].Item], sorted[i].Score);
        return result;
    }

    private void Accumulate(Requirement[] requirements, Scratch s, double[] acc, int gen, ref int touchedCount)
    {
        Span<double> credit = stackalloc double[6];
        foreach (var r in requirements)
        {
            int rgen = s.NextRequirementGeneration();
            int rTouched = 0;
            foreach (var source in r.Sources)
            {
                for (int level = 1; level <= 5; level++) credit[level] = source.Coefficient * MatchingModel.LevelFactor(level, r.MinLevel);
                var profiles = _profilesBySkill[source.SkillIndex];
                var levels = _levelsBySkill[source.SkillIndex];
                for (int e = 0; e < profiles.Length; e++)
                {
                    int p = profiles[e];
                    double c = credit[levels[e]];
                    if (s.BestStamp[p] != rgen) { s.BestStamp[p] = rgen; s.Best[p] = c; s.RequirementTouched[rTouched++] = p; }
                    else if (c > s.Best[p]) s.Best[p] = c;
                }
            }
            for (int t = 0; t < rTouched; t++)
            {
                int p = s.RequirementTouched[t];
                if (s.Stamp[p] != gen) { s.Stamp[p] = gen; s.Required[p] = 0; s.Nice[p] = 0; s.Touched[touchedCount++] = p; }
                acc[p] += r.Weight * s.Best[p];
            }
        }
    }

    private double NonSkill(int p, CompiledPosting posting, int postingCountry) =>
        MatchingModel.NonSkill(
            MatchingModel.SeniorityFit(_seniority[p], posting.Seniority),
            MatchingModel.ModeFit(_remote[p], posting.Mode),
            MatchingModel.CountryFit(CountryCodes.SameOrUnknown(_country[p], postingCountry), _relocate[p], posting.Mode),
            MatchingModel.SalaryFit(posting.SalaryMax, _minSalary[p]));

    private sealed class Scratch(int n)
    {
        private int _generation;
        private int _requirementGeneration;

        public readonly double[] Required = new double[n];
        public readonly double[] Nice = new double[n];
        public readonly double[] Best = new double[n];
        public readonly int[] Stamp = new int[n];
        public readonly int[] BestStamp = new int[n];
        public readonly int[] Touched = new int[n];
        public readonly int[] RequirementTouched = new int[n];
        public TopKHeap Heap = new(0);

        public int NextGeneration()
        {
            if (++_generation == int.MaxValue) { Array.Clear(Stamp); _generation = 1; }
            return _generation;
        }

        public int NextRequirementGeneration()
        {
            if (++_requirementGeneration == int.MaxValue) { Array.Clear(BestStamp); _requirementGeneration = 1; }
            return _requirementGeneration;
        }
    }
}
