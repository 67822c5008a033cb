using Marketplace.Skills.Scoring;
using Marketplace.Skills.Taxonomy;

namespace Marketplace.Skills.Matching;

/// <summary>An index over profiles that returns the exact top-k profiles for a posting (the same as scoring every profile), fast.</summary>
/// <remarks>
/// Per skill, a posting list of (profile, level) sorted by profile. A query walks, requirement by requirement, the lists of the
/// requirement's credit sources (the skill, skills that imply it, related skills): a first pass keeps each profile's best credit, a
/// second folds weight x credit into a per-profile sum, in requirement order, so the arithmetic is the scorer's bit for bit. Every
/// list is read in profile order, so the dense arrays are written sequentially. One sequential pass over the profiles then adds the
/// non-skill parts where the profile could still enter the size-k heap. The batch rematch runs the same walk per posting on disjoint
/// profile ranges and feeds every profile's own top postings heap from the same pass.
/// </remarks>
public sealed class ProfileIndex
{
    internal const double NonSkillMax = MatchingModel.SeniorityPoints + MatchingModel.LocationPoints + MatchingModel.SalaryPoints;
    internal const double Margin = 1e-9;

    private readonly string[] _ids;
    private readonly int[][] _profilesBySkill;
    private readonly byte[][] _levelsBySkill;
    private readonly sbyte[] _seniority;
    private readonly RemotePreference[] _remote;
    private readonly int[] _country;
    private readonly bool[] _relocate;
    private readonly double[] _minSalary;
    private readonly CountryCodes _countries = new();
    private readonly ThreadLocal<Scratch> _scratch;

    private ProfileIndex(SkillTaxonomy taxonomy, IReadOnlyList<Profile> profiles)
    {
        Taxonomy = taxonomy;
        var sorted = profiles.OrderBy(p => p.Id, StringComparer.Ordinal).ToArray();
        int n = sorted.Length;
        _ids = new string[n];
        _seniority = new sbyte[n];
        _remote = new RemotePreference[n];
        _country = new int[n];
        _relocate = new bool[n];
        _minSalary = new double[n];
        var counts = new int[taxonomy.Skills.Count];
        var levels = new Dictionary<int, int>[n];
        for (int p = 0; p < n; p++)
        {
            if (p > 0 && sorted[p].Id == sorted[p - 1].Id) throw new ArgumentException($"duplicate profile id '{sorted[p].Id}'");
            var c = new CompiledProfile(sorted[p], taxonomy);
            _ids[p] = sorted[p].Id;
            _seniority[p] = (sbyte)(c.Seniority is { } s ? (int)s : 0);
            _remote[p] = c.Remote;
            _country[p] = _countries.Add(c.Country);
            _relocate[p] = c.WillingToRelocate;
            _minSalary[p] = c.MinSalary ?? double.NaN;
            levels[p] = c.Levels;
            foreach (int skill in c.Levels.Keys) counts[skill]++;
        }
        _profilesBySkill = new int[counts.Length][];
        _levelsBySkill = new byte[counts.Length][];
        for (int s = 0; s < counts.Length; s++) { _profilesBySkill[s] = new int[counts[s]]; _levelsBySkill[s] = new byte[counts[s]]; }
        var fill = new int[counts.Length];
        for (int p = 0; p < n; p++)
            foreach (var (skill, level) in levels[p])
            {
                int at = fill[skill]++;
                _profilesBySkill[skill][at] = p;
                _levelsBySkill[skill][at] = (byte)level;
            }
        _scratch = new ThreadLocal<Scratch>(() => new Scratch(n));
    }

    public SkillTaxonomy Taxonomy { get; }

    public int Count => _ids.Length;

    internal string IdAt(int p) => _ids[p];

    internal int ListLength(int skill) => _profilesBySkill[skill].Length;

    /// <summary>Indexes the profiles; ties in a top-k go to the smaller id (ordinal).</summary>
    public static ProfileIndex Build(SkillTaxonomy taxonomy, IReadOnlyList<Profile> profiles) => new(taxonomy, profiles);

    /// <summary>The bytes the index's arrays take (posting lists and per-profile fields; not the id strings nor per-thread scratch).</summary>
    public long EstimatedBytes =>
        _profilesBySkill.Sum(a => 48L + 5L * a.Length) + (long)Count * (8 + 1 + 4 + 4 + 1 + 8);

    /// <summary>The bytes one querying thread's scratch takes (three dense arrays of doubles).</summary>
    public long ScratchBytesPerThread => 3L * 8 * Count;

    /// <summary>The k best profiles for the posting, best first, exactly as scoring every profile would rank them.</summary>
    public IReadOnlyList<RankedMatch> TopK(Posting posting, int k) => TopK(new CompiledPosting(posting, Taxonomy), k);

    internal IReadOnlyList<RankedMatch> TopK(CompiledPosting posting, int k)
    {
        if (k <= 0 || Count == 0) return [];
        var s = _scratch.Value!;
        var heap = s.HeapOf(k);
        Accumulate(posting, s, 0, Count);
        Scan(posting, s, 0, Count, heap, null, -1);
        return Ranked(heap);
    }

    internal RankedMatch[] Ranked(TopKHeap heap)
    {
        var sorted = heap.Sorted();
        var result = new RankedMatch[sorted.Length];
        for (int i = 0; i < sorted.Length; i++) result[i] = new RankedMatch(_ids[sorted[i].Item], sorted[i].Score);
        return result;
    }

    internal Scratch NewScratch() => new(Count);

    // Folds weight x best credit into the per-profile sums for profiles in [from, to), requirement by requirement.
    internal void Accumulate(CompiledPosting posting, Scratch s, int from, int to)
    {
        Span<double> credit = stackalloc double[6];
        int terms = posting.Required.Length + posting.Nice.Length;
        for (int t = 0; t < terms; t++)
        {
            bool required = t < posting.Required.Length;
            var r = required ? posting.Required[t] : posting.Nice[t - posting.Required.Length];
            var acc = required ? s.Required : s.Nice;
            double weight = r.Weight;
            if (r.Sources.Length == 1)
            {
                var source = r.Sources[0];
                for (int level = 1; level <= 5; level++) credit[level] = source.Coefficient * MatchingModel.LevelFactor(level, r.MinLevel);
                var (profiles, levels, start, end) = Range(source.SkillIndex, from, to);
                for (int e = start; e < end; e++) acc[profiles[e]] += weight * credit[levels[e]];
                continue;
            }
            var best = s.Best;
            foreach (var source in r.Sources)
            {
                for (int level = 1; level <= 5; level++) credit[level] = source.Coefficient * MatchingModel.LevelFactor(level, r.MinLevel);
                var (profiles, levels, start, end) = Range(source.SkillIndex, from, to);
                for (int e = start; e < end; e++)
                {
                    int p = profiles[e];
                    double c = credit[levels[e]];
                    if (c > best[p]) best[p] = c;
                }
            }
            foreach (var source in r.Sources)
            {
                var (profiles, _, start, end) = Range(source.SkillIndex, from, to);
                for (int e = start; e < end; e++)
                {
                    int p = profiles[e];
                    double b = best[p];
                    if (b == 0) continue;
                    acc[p] += weight * b;
                    best[p] = 0;
                }
            }
        }
    }

    private (int[] Profiles, byte[] Levels, int Start, int End) Range(int skill, int from, int to)
    {
        var profiles = _profilesBySkill[skill];
        if (from == 0 && to == Count) return (profiles, _levelsBySkill[skill], 0, profiles.Length);
        int start = Array.BinarySearch(profiles, from);
        if (start < 0) start = ~start;
        int end = Array.BinarySearch(profiles, start, profiles.Length - start, to);
        if (end < 0) end = ~end;
        return (profiles, _levelsBySkill[skill], start, end);
    }

    // One pass over [from, to): exact scores where a profile could enter the posting's heap or (batch) the profile's own heap;
    // the sums are cleared on the way for the next posting.
    internal void Scan(CompiledPosting posting, Scratch s, int from, int to, TopKHeap heap, ProfileHeaps? profileHeaps, int postingIndex)
    {
        double requiredScale = posting.RequiredWeight > 0 ? MatchingModel.RequiredPoints / posting.RequiredWeight : 0;
        double niceScale = posting.NiceWeight > 0 ? MatchingModel.NiceToHavePoints / posting.NiceWeight : 0;
        double constant = (posting.RequiredWeight > 0 ? 0 : MatchingModel.RequiredPoints) + (posting.NiceWeight > 0 ? 0 : MatchingModel.NiceToHavePoints)
            + NonSkillMax + Margin;
        int postingCountry = _countries.Find(posting.Country);
        var required = s.Required;
        var nice = s.Nice;
        for (int p = from; p < to; p++)
        {
            double r = required[p], n = nice[p];
            if (r != 0) required[p] = 0;
            if (n != 0) nice[p] = 0;
            double bound = r * requiredScale + n * niceScale + constant;
            bool forPosting = !heap.IsFull || bound >= heap.WorstScore;
            bool forProfile = profileHeaps is not null && profileHeaps.Wants(p, bound);
            if (!forPosting && !forProfile) continue;
            double score = MatchingModel.Combine(r, posting.RequiredWeight, n, posting.NiceWeight, NonSkill(p, posting, postingCountry));
            if (forPosting) heap.Offer(score, p);
            if (forProfile) profileHeaps!.Offer(p, score, postingIndex);
        }
    }

    private double NonSkill(int p, CompiledPosting posting, int postingCountry) =>
        MatchingModel.NonSkill(
            MatchingModel.SeniorityFit(_seniority[p] == 0 ? null : (Seniority)_seniority[p], posting.Seniority),
            MatchingModel.ModeFit(_remote[p], posting.Mode),
            MatchingModel.CountryFit(CountryCodes.SameOrUnknown(_country[p], postingCountry), _relocate[p], posting.Mode),
            MatchingModel.SalaryFit(posting.SalaryMax, double.IsNaN(_minSalary[p]) ? null : _minSalary[p]));

    internal sealed class Scratch(int profiles)
    {
        private TopKHeap _heap = new(0);

        public readonly double[] Required = new double[profiles];
        public readonly double[] Nice = new double[profiles];
        public readonly double[] Best = new double[profiles];

        public TopKHeap HeapOf(int k)
        {
            if (_heap.Capacity != k) _heap = new TopKHeap(k);
            _heap.Clear();
            return _heap;
        }
    }
}
