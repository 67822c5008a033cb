using System.Numerics;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using Marketplace.Skills.Scoring;
using Marketplace.Skills.Taxonomy;

namespace Marketplace.Skills.Matching;

/// <summary>An index over profiles that returns the exact top-k profiles for a posting (the same as scoring every profile), fast.</summary>
/// <remarks>
/// Lists per skill R, sorted by profile: the profiles that have R (with its level), and the "effective" list of profiles that have R or a
/// skill implying it (with the direct level and the best implying level), since every implication earns the same coefficient. A posting
/// with long lists is answered term at a time: its lists are folded into dense per-profile sums (the scorer's arithmetic, bit for bit)
/// and one vectorized pass keeps the profiles that could enter the top-k. A posting with short lists walks, per requirement, the
/// effective list and then the related skills' lists in falling coefficient order, scoring each profile met exactly from a forward
/// index, and stops when a profile met by nothing so far could not beat the k-th score (MaxScore-style pruning). The batch rematch
/// uses the dense way per range of profiles, feeding the profiles' own heaps from the same pass.
/// </remarks>
public sealed class ProfileIndex
{
    internal const double NonSkillMax = MatchingModel.SeniorityPoints + MatchingModel.LocationPoints + MatchingModel.SalaryPoints;
    internal const double Margin = 1e-9;

    private readonly string[] _ids;
    private readonly int[][] _direct;
    private readonly byte[][] _directLevel;
    private readonly int[][] _effective;
    // Per effective entry: direct level x 6 + best implying level (0 when none), an index into a posting's credit table.
    private readonly byte[][] _effectiveCode;
    private readonly int[] _skillStart;
    private readonly ushort[] _packed;
    private readonly Meta[] _meta;
    private readonly CountryCodes _countries = new();
    private readonly ThreadLocal<Scratch> _scratch;

    private ProfileIndex(SkillTaxonomy taxonomy, IReadOnlyList<Profile> profiles)
    {
        if (taxonomy.Skills.Count > 8191) throw new ArgumentException("the index packs a skill and a level in 16 bits: at most 8191 skills");
        Taxonomy = taxonomy;
        var sorted = profiles.OrderBy(p => p.Id, StringComparer.Ordinal).ToArray();
        int n = sorted.Length, skills = taxonomy.Skills.Count;
        _ids = new string[n];
        _meta = new Meta[n];
        _skillStart = new int[n + 1];
        var forward = new (int Skill, int Level)[n][];
        var directLists = new ListBuilder(skills);
        var effectiveLists = new ListBuilder(skills);
        var inferred = new Dictionary<int, int>();
        for (int p = 0; p < n; p++)
        {
            if (p > 0 && sorted[p].Id == sorted[p - 1].Id) throw new ArgumentException($"duplicate profile id '{sorted[p].Id}'");
            var c = new CompiledProfile(sorted[p], taxonomy);
            _ids[p] = sorted[p].Id;
            int seniority = c.Seniority is { } s ? (int)s : 0;
            _meta[p] = new Meta(c.MinSalary ?? double.NaN, _countries.Add(c.Country), (byte)(seniority * 8 + (int)c.Remote * 2 + (c.WillingToRelocate ? 1 : 0)));
            forward[p] = [.. c.Levels.Select(kv => (kv.Key, kv.Value)).OrderBy(x => x.Key)];
            _skillStart[p + 1] = _skillStart[p] + forward[p].Length;
            inferred.Clear();
            foreach (var (skill, level) in forward[p])
            {
                directLists.Add(skill, p, level, 0);
                foreach (int target in taxonomy.ImpliedClosure(skill)) inferred[target] = Math.Max(inferred.GetValueOrDefault(target), level);
            }
            foreach (int skill in c.Levels.Keys.Union(inferred.Keys).Order())
                effectiveLists.Add(skill, p, c.Levels.GetValueOrDefault(skill), inferred.GetValueOrDefault(skill));
        }
        (_direct, _directLevel, _) = directLists.Build();
        (_effective, var effectiveDirect, var effectiveInferred) = effectiveLists.Build();
        _effectiveCode = new byte[skills][];
        for (int k = 0; k < skills; k++)
        {
            _effectiveCode[k] = new byte[_effective[k].Length];
            for (int e = 0; e < _effective[k].Length; e++) _effectiveCode[k][e] = (byte)(effectiveDirect[k][e] * 6 + effectiveInferred[k][e]);
        }
        _packed = new ushort[_skillStart[n]];
        for (int p = 0; p < n; p++)
            for (int i = 0; i < forward[p].Length; i++)
            {
                _packed[_skillStart[p] + i] = (ushort)(forward[p][i].Skill << 3 | forward[p][i].Level);
            }
        _scratch = new ThreadLocal<Scratch>(() => new Scratch(n, skills));
    }

    public SkillTaxonomy Taxonomy { get; }

    public int Count => _ids.Length;

    internal string IdAt(int p) => _ids[p];

    /// <summary>Indexes the profiles; ties in a top-k go to the smaller id (ordinal).</summary>
    public static ProfileIndex Build(SkillTaxonomy taxonomy, IReadOnlyList<Profile> profiles) => new(taxonomy, profiles);

    /// <summary>The bytes the index's arrays take (lists, forward index, per-profile fields; not the id strings nor per-thread scratch).</summary>
    public long EstimatedBytes =>
        _direct.Sum(a => 48L + 5L * a.Length) + _effective.Sum(a => 48L + 5L * a.Length) + _packed.Length * 2L + _skillStart.Length * 4L
        + (long)Count * (8 + 16);

    /// <summary>The k best profiles for the posting, best first, exactly as scoring every profile would rank them.</summary>
    public IReadOnlyList<RankedMatch> TopK(Posting posting, int k) => TopK(new CompiledPosting(posting, Taxonomy), k);

    // A posting whose lists reach a good share of the profiles is cheaper term at a time over dense sums (a sequential, vectorized
    // pass); one with short lists is cheaper walked list by list with pruning. Both are exact.
    internal IReadOnlyList<RankedMatch> TopK(CompiledPosting posting, int k) =>
        ListEntries(posting) * DenseShare >= Count ? TopKDense(posting, k) : TopKWalk(posting, k);

    private const int DenseShare = 64;

    internal (long Effective, long Related, int RelatedTerms) EntryMix(CompiledPosting posting)
    {
        long effective = 0, related = 0;
        int relatedTerms = 0;
        foreach (var r in posting.Required.Concat(posting.Nice))
        {
            effective += _effective[r.Skill].Length;
            bool any = false;
            foreach (var source in r.Sources) if (source.Kind == CreditKind.Related) { related += _direct[source.SkillIndex].Length; any = true; }
            if (any) relatedTerms++;
        }
        return (effective, related, relatedTerms);
    }

    internal long ListEntries(CompiledPosting posting)
    {
        long total = 0;
        foreach (var r in posting.Required) total += Entries(r);
        foreach (var r in posting.Nice) total += Entries(r);
        return total;

        long Entries(Requirement r)
        {
            long n = _effective[r.Skill].Length;
            foreach (var source in r.Sources) if (source.Kind == CreditKind.Related) n += _direct[source.SkillIndex].Length;
            return n;
        }
    }

    // List at a time with MaxScore-style pruning.
    internal IReadOnlyList<RankedMatch> TopKWalk(CompiledPosting posting, int k)
    {
        if (k <= 0 || Count == 0) return [];
        var s = _scratch.Value!;
        var heap = s.HeapOf(k);
        int gen = s.NextGeneration();
        var q = s.Prepare(posting);
        int postingCountry = _countries.Find(posting.Country);
        double salaryMax = posting.SalaryMax ?? double.NaN;
        FillNonSkillTable(posting, s.NonSkillTable);
        double constant = (posting.RequiredWeight > 0 ? 0 : MatchingModel.RequiredPoints) + (posting.NiceWeight > 0 ? 0 : MatchingModel.NiceToHavePoints);

        // Per term, group 0 is its effective list (credit up to 1); groups 1.. are its related skills' lists, by falling coefficient.
        for (int t = 0; t < q.Terms; t++) q.Walked[t] = 0;
        bool walkedAll = true;
        while (true)
        {
            double bound = constant + NonSkillMax;
            int pick = -1;
            double pickRatio = -1;
            for (int t = 0; t < q.Terms; t++)
            {
                int walked = q.Walked[t];
                int relatedFrom = q.RelatedStart[t], relatedTo = q.RelatedStart[t + 1];
                int nextRelated = relatedFrom + walked - 1;
                if (walked > 0 && nextRelated >= relatedTo) continue;
                double current = walked == 0 ? 1.0 : q.RelatedCoefficient[nextRelated];
                double after = walked == 0
                    ? (relatedFrom < relatedTo ? q.RelatedCoefficient[relatedFrom] : 0)
                    : (nextRelated + 1 < relatedTo ? q.RelatedCoefficient[nextRelated + 1] : 0);
                long length = 1 + (walked == 0 ? _effective[q.Skill[t]].Length : _direct[q.RelatedSkill[nextRelated]].Length);
                bound += q.UpperBound[t] * current;
                double ratio = q.UpperBound[t] * (current - after) / length;
                if (ratio > pickRatio) { pickRatio = ratio; pick = t; }
            }
            if (pick < 0) break;
            if (heap.IsFull && bound + Margin < heap.WorstScore) { walkedAll = false; break; }

            var list = q.Walked[pick] == 0 ? _effective[q.Skill[pick]] : _direct[q.RelatedSkill[q.RelatedStart[pick] + q.Walked[pick] - 1]];
            q.Walked[pick]++;
            for (int e = 0; e < list.Length; e++)
            {
                int p = list[e];
                if (s.Scored[p] == gen) continue;
                s.Scored[p] = gen;
                Offer(p, posting, q, s, heap, postingCountry, salaryMax);
            }
        }

        // Profiles met by nothing earn only the "nothing matched" parts; read them only when one could still enter the top-k.
        if (walkedAll && (!heap.IsFull || heap.WorstScore <= constant + NonSkillMax + Margin))
            for (int p = 0; p < Count; p++)
                if (s.Scored[p] != gen)
                    heap.Offer(MatchingModel.Combine(0, posting.RequiredWeight, 0, posting.NiceWeight, NonSkill(p, s.NonSkillTable, postingCountry, salaryMax)), p);
        return Ranked(heap);
    }

    // Term at a time over every profile: the batch's accumulate and scan for one posting.
    internal IReadOnlyList<RankedMatch> TopKDense(CompiledPosting posting, int k)
    {
        if (k <= 0 || Count == 0) return [];
        var s = _scratch.Value!;
        var heap = s.HeapOf(k);
        Accumulate(posting, s, 0, Count);
        Scan(posting, s, 0, Count, heap, null, 0);
        return Ranked(heap);
    }

    internal RankedMatch[] Ranked(TopKHeap heap)
    {
        var sorted = heap.Sorted();
        var result = new RankedMatch[sorted.Length];
        for (int i = 0; i < sorted.Length; i++) result[i] = new RankedMatch(_ids[sorted[i].Item], sorted[i].Score);
        return result;
    }

    // The scorer's arithmetic: per requirement the best credit over the profile's skills, then weight x credit summed in requirement order.
    private void Offer(int p, CompiledPosting posting, Query q, Scratch s, TopKHeap heap, int postingCountry, double salaryMax)
    {
        var best = q.TermBest;
        Array.Clear(best, 0, q.Terms);
        int gen = s.Generation;
        for (int e = _skillStart[p], end = _skillStart[p + 1]; e < end; e++)
        {
            int packed = _packed[e];
            int skill = packed >> 3;
            if (s.SkillStamp[skill] != gen) continue;
            int level = packed & 7;
            for (int x = s.SkillHead[skill]; x >= 0; x = q.EntryNext[x])
            {
                double c = q.EntryCredit[x * 6 + level];
                int t = q.EntryTerm[x];
                if (c > best[t]) best[t] = c;
            }
        }
        double req = 0, nice = 0;
        for (int t = 0; t < q.RequiredTerms; t++) req += posting.Required[t].Weight * best[t];
        for (int t = q.RequiredTerms; t < q.Terms; t++) nice += posting.Nice[t - q.RequiredTerms].Weight * best[t];
        double nonSkill = NonSkill(p, s.NonSkillTable, postingCountry, salaryMax);
        if (heap.IsFull && req * q.RequiredScale + nice * q.NiceScale + q.Constant + nonSkill + Margin < heap.WorstScore) return;
        heap.Offer(MatchingModel.Combine(req, posting.RequiredWeight, nice, posting.NiceWeight, nonSkill), p);
    }

    internal Scratch NewScratch() => new(Count, Taxonomy.Skills.Count);

    // Batch: folds weight x best credit into per-profile sums for profiles in [from, to), requirement by requirement.
    internal void Accumulate(CompiledPosting posting, Scratch s, int from, int to)
    {
        Span<double> table = stackalloc double[36];
        Span<double> weighted = stackalloc double[36];
        Span<double> credit = stackalloc double[6];
        int terms = posting.Required.Length + posting.Nice.Length;
        for (int t = 0; t < terms; t++)
        {
            bool required = t < posting.Required.Length;
            var r = required ? posting.Required[t] : posting.Nice[t - posting.Required.Length];
            var acc = required ? s.Required : s.Nice;
            double weight = r.Weight;
            EffectiveTable(r.MinLevel, table);
            var (list, start, end) = Range(_effective[r.Skill], from, to);
            var code = _effectiveCode[r.Skill];
            bool hasRelated = false;
            foreach (var source in r.Sources) if (source.Kind == CreditKind.Related) { hasRelated = true; break; }
            if (!hasRelated)
            {
                // weight x table[c] is the very product the scorer forms, so the sums stay bit-identical.
                for (int c = 0; c < 36; c++) weighted[c] = weight * table[c];
                // The hot loop of the batch: ids and codes are valid by construction, so no bounds checks.
                ref double accRef = ref MemoryMarshal.GetArrayDataReference(acc);
                ref int listRef = ref MemoryMarshal.GetArrayDataReference(list);
                ref byte codeRef = ref MemoryMarshal.GetArrayDataReference(code);
                ref double weightedRef = ref MemoryMarshal.GetReference(weighted);
                for (int e = start; e < end; e++)
                    Unsafe.Add(ref accRef, Unsafe.Add(ref listRef, e)) += Unsafe.Add(ref weightedRef, Unsafe.Add(ref codeRef, e));
                continue;
            }
            // The best related credit per profile first, then one pass over the effective list takes the max with its own credit
            // (max is order-free), then the profiles reached only through related skills.
            var best = s.Best;
            foreach (var source in r.Sources)
            {
                if (source.Kind != CreditKind.Related) continue;
                for (int level = 1; level <= 5; level++) credit[level] = source.Coefficient * MatchingModel.LevelFactor(level, r.MinLevel);
                var (related, rs, re) = Range(_direct[source.SkillIndex], from, to);
                var levels = _directLevel[source.SkillIndex];
                for (int e = rs; e < re; e++)
                {
                    int p = related[e];
                    double c = credit[levels[e]];
                    if (c > best[p]) best[p] = c;
                }
            }
            {
                ref double accRef = ref MemoryMarshal.GetArrayDataReference(acc);
                ref double bestRef = ref MemoryMarshal.GetArrayDataReference(best);
                ref int listRef = ref MemoryMarshal.GetArrayDataReference(list);
                ref byte codeRef = ref MemoryMarshal.GetArrayDataReference(code);
                ref double tableRef = ref MemoryMarshal.GetReference(table);
                for (int e = start; e < end; e++)
                {
                    int p = Unsafe.Add(ref listRef, e);
                    ref double b = ref Unsafe.Add(ref bestRef, p);
                    Unsafe.Add(ref accRef, p) += weight * Math.Max(Unsafe.Add(ref tableRef, Unsafe.Add(ref codeRef, e)), b);
                    b = 0;
                }
            }
            foreach (var source in r.Sources)
            {
                if (source.Kind != CreditKind.Related) continue;
                var (related, rs, re) = Range(_direct[source.SkillIndex], from, to);
                for (int e = rs; e < re; e++)
                {
                    int p = related[e];
                    double b = best[p];
                    if (b == 0) continue;
                    acc[p] += weight * b;
                    best[p] = 0;
                }
            }
        }
    }

    // The credit of an effective entry: the better of the skill itself and the best implying skill, as the scorer's max takes it.
    private static void EffectiveTable(int minLevel, Span<double> table)
    {
        for (int d = 0; d <= 5; d++)
            for (int i = 0; i <= 5; i++)
            {
                double direct = d == 0 ? 0 : 1.0 * MatchingModel.LevelFactor(d, minLevel);
                double inferred = i == 0 ? 0 : MatchingModel.InferredCredit * MatchingModel.LevelFactor(i, minLevel);
                table[d * 6 + i] = Math.Max(direct, inferred);
            }
    }

    private (int[] List, int Start, int End) Range(int[] list, int from, int to)
    {
        if (from == 0 && to == Count) return (list, 0, list.Length);
        int start = Array.BinarySearch(list, from);
        if (start < 0) start = ~start;
        int end = Array.BinarySearch(list, start, list.Length - start, to);
        if (end < 0) end = ~end;
        return (list, start, end);
    }

    // Batch: one pass over [from, to) scoring exactly where a profile could enter the posting's heap or its own heap of postings;
    // the sums are cleared on the way for the next posting. Most profiles fail even with full non-skill points: a vector filter
    // (skill bound + 20 below both the posting's worst and the profile's worst) skips them a block at a time.
    internal void Scan(CompiledPosting posting, Scratch s, int from, int to, TopKHeap heap, ProfileHeaps? profileHeaps, int postingIndex)
    {
        double requiredScale = posting.RequiredWeight > 0 ? MatchingModel.RequiredPoints / posting.RequiredWeight : 0;
        double niceScale = posting.NiceWeight > 0 ? MatchingModel.NiceToHavePoints / posting.NiceWeight : 0;
        double constant = (posting.RequiredWeight > 0 ? 0 : MatchingModel.RequiredPoints) + (posting.NiceWeight > 0 ? 0 : MatchingModel.NiceToHavePoints)
            + Margin;
        int postingCountry = _countries.Find(posting.Country);
        double salaryMax = posting.SalaryMax ?? double.NaN;
        var table = s.NonSkillTable;
        FillNonSkillTable(posting, table);
        var required = s.Required;
        var nice = s.Nice;
        int p = from;
        if (Vector.IsHardwareAccelerated)
        {
            int width = Vector<double>.Count;
            var worst = profileHeaps is not null && profileHeaps.K > 0 ? profileHeaps.Worst : null;
            var vRequiredScale = new Vector<double>(requiredScale);
            var vNiceScale = new Vector<double>(niceScale);
            // The filter's rounding differs from the scalar bound's by far less than the margin.
            var vConstant = new Vector<double>(constant + NonSkillMax + Margin);
            var vHeapWorst = new Vector<double>(heap.IsFull ? heap.WorstScore : double.NegativeInfinity);
            for (; p + width <= to; p += width)
            {
                var r = new Vector<double>(required, p);
                var n = new Vector<double>(nice, p);
                var bound = r * vRequiredScale + n * vNiceScale + vConstant;
                var pass = Vector.GreaterThanOrEqual(bound, worst is null ? vHeapWorst : Vector.Min(vHeapWorst, new Vector<double>(worst, p)));
                if (pass != Vector<long>.Zero)
                {
                    // Only the lanes that pass go the scalar way; the thresholds only rise meanwhile, so the others still fail.
                    for (int i = 0; i < width; i++) if (pass[i] != 0) One(p + i);
                    vHeapWorst = new Vector<double>(heap.IsFull ? heap.WorstScore : double.NegativeInfinity);
                }
                Vector<double>.Zero.CopyTo(required, p);
                Vector<double>.Zero.CopyTo(nice, p);
            }
        }
        for (; p < to; p++) One(p);

        void One(int p)
        {
            double r = required[p], n = nice[p];
            if (r != 0) required[p] = 0;
            if (n != 0) nice[p] = 0;
            double skillBound = r * requiredScale + n * niceScale + constant;
            if (skillBound + NonSkillMax < (heap.IsFull ? heap.WorstScore : double.NegativeInfinity)
                && (profileHeaps is null || !profileHeaps.Wants(p, skillBound + NonSkillMax)))
                return;
            double nonSkill = NonSkill(p, table, postingCountry, salaryMax);
            double bound = skillBound + nonSkill;
            bool forPosting = !heap.IsFull || bound >= heap.WorstScore;
            bool forProfile = profileHeaps is not null && profileHeaps.Wants(p, bound);
            if (!forPosting && !forProfile) return;
            double score = MatchingModel.Combine(r, posting.RequiredWeight, n, posting.NiceWeight, nonSkill);
            if (forPosting) heap.Offer(score, p);
            if (forProfile) profileHeaps!.Offer(p, score, postingIndex);
        }
    }

    // The non-skill parts depend on few profile fields: a per-posting table over (seniority, work mode preference, relocation,
    // country fits, salary state) holds MatchingModel.NonSkill's exact values, so the hot loops do a lookup instead of the branches.
    internal static void FillNonSkillTable(CompiledPosting posting, double[] table)
    {
        // The fits first (few calls), then MatchingModel.NonSkill on them: the same inputs, so the same bits, at a fraction of the cost.
        Span<double> seniorityFit = stackalloc double[5];
        Span<double> modeFit = stackalloc double[4];
        Span<double> countryFit = stackalloc double[4];
        for (int seniority = 0; seniority <= 4; seniority++)
            seniorityFit[seniority] = MatchingModel.SeniorityFit(seniority == 0 ? null : (Seniority)seniority, posting.Seniority);
        for (int remote = 0; remote <= 3; remote++) modeFit[remote] = MatchingModel.ModeFit((RemotePreference)remote, posting.Mode);
        for (int relocate = 0; relocate <= 1; relocate++)
            for (int countryDiffers = 0; countryDiffers <= 1; countryDiffers++)
                countryFit[relocate * 2 + countryDiffers] = MatchingModel.CountryFit(countryDiffers == 0, relocate == 1, posting.Mode);
        for (int seniority = 0; seniority <= 4; seniority++)
            for (int remote = 0; remote <= 3; remote++)
                for (int relocate = 0; relocate <= 1; relocate++)
                    for (int countryDiffers = 0; countryDiffers <= 1; countryDiffers++)
                        for (int salary = 0; salary <= 2; salary++)
                            table[((seniority * 8 + remote * 2 + relocate) * 2 + countryDiffers) * 3 + salary] = MatchingModel.NonSkill(
                                seniorityFit[seniority], modeFit[remote], countryFit[relocate * 2 + countryDiffers],
                                salary == 0 ? 0.5 : salary == 1 ? 1.0 : 0.0);
    }

    internal const int NonSkillTableSize = 40 * 2 * 3;

    private double NonSkill(int p, double[] table, int postingCountry, double salaryMax)
    {
        ref readonly var meta = ref _meta[p];
        int salary = double.IsNaN(salaryMax) || double.IsNaN(meta.MinSalary) ? 0 : salaryMax >= meta.MinSalary ? 1 : 2;
        int differs = CountryCodes.SameOrUnknown(meta.Country, postingCountry) ? 0 : 1;
        return table[(meta.Class * 2 + differs) * 3 + salary];
    }

    // The fields the non-skill parts need, together in one cache line's worth.
    private readonly record struct Meta(double MinSalary, int Country, byte Class);

    private sealed class ListBuilder(int skills)
    {
        private readonly List<int>[] _profiles = [.. Enumerable.Range(0, skills).Select(_ => new List<int>())];
        private readonly List<byte>[] _a = [.. Enumerable.Range(0, skills).Select(_ => new List<byte>())];
        private readonly List<byte>[] _b = [.. Enumerable.Range(0, skills).Select(_ => new List<byte>())];

        public void Add(int skill, int profile, int a, int b)
        {
            _profiles[skill].Add(profile);
            _a[skill].Add((byte)a);
            _b[skill].Add((byte)b);
        }

        public (int[][], byte[][], byte[][]) Build() =>
            ([.. _profiles.Select(l => l.ToArray())], [.. _a.Select(l => l.ToArray())], [.. _b.Select(l => l.ToArray())]);
    }

    // A posting prepared for one query: its terms (required, then nice), their credit entries per profile skill, their related lists.
    internal sealed class Query
    {
        public int Terms;
        public int RequiredTerms;
        public double RequiredScale;
        public double NiceScale;
        public double Constant;
        public int[] Skill = new int[16];
        public double[] UpperBound = new double[16];
        public double[] TermBest = new double[16];
        public int[] Walked = new int[16];
        public int[] RelatedStart = new int[17];
        public int[] RelatedSkill = new int[64];
        public double[] RelatedCoefficient = new double[64];
        public int[] EntryTerm = new int[64];
        public int[] EntryNext = new int[64];
        public double[] EntryCredit = new double[64 * 6];
    }

    internal sealed class Scratch(int profiles, int skills)
    {
        private readonly Query _query = new();
        private int _generation;
        private TopKHeap _heap = new(0);

        public readonly double[] Required = new double[profiles];
        public readonly double[] Nice = new double[profiles];
        public readonly double[] Best = new double[profiles];
        public readonly int[] Scored = new int[profiles];
        public readonly int[] SkillStamp = new int[skills];
        public readonly int[] SkillHead = new int[skills];
        public readonly double[] NonSkillTable = new double[NonSkillTableSize];

        public int Generation => _generation;

        public TopKHeap HeapOf(int k)
        {
            if (_heap.Capacity != k) _heap = new TopKHeap(k);
            _heap.Clear();
            return _heap;
        }

        public int NextGeneration()
        {
            if (++_generation == int.MaxValue) { Array.Clear(Scored); Array.Clear(SkillStamp); _generation = 1; }
            return _generation;
        }

        public Query Prepare(CompiledPosting posting)
        {
            var q = _query;
            int terms = posting.Required.Length + posting.Nice.Length;
            int entries = 0;
            foreach (var r in posting.Required) entries += r.Sources.Length;
            foreach (var r in posting.Nice) entries += r.Sources.Length;
            if (q.UpperBound.Length < terms)
            {
                q.Skill = new int[terms]; q.UpperBound = new double[terms]; q.TermBest = new double[terms]; q.Walked = new int[terms]; q.RelatedStart = new int[terms + 1];
            }
            if (q.EntryTerm.Length < entries)
            {
                q.RelatedSkill = new int[entries]; q.RelatedCoefficient = new double[entries];
                q.EntryTerm = new int[entries]; q.EntryNext = new int[entries]; q.EntryCredit = new double[entries * 6];
            }
            q.Terms = terms;
            q.RequiredTerms = posting.Required.Length;
            q.RequiredScale = posting.RequiredWeight > 0 ? MatchingModel.RequiredPoints / posting.RequiredWeight : 0;
            q.NiceScale = posting.NiceWeight > 0 ? MatchingModel.NiceToHavePoints / posting.NiceWeight : 0;
            q.Constant = (posting.RequiredWeight > 0 ? 0 : MatchingModel.RequiredPoints) + (posting.NiceWeight > 0 ? 0 : MatchingModel.NiceToHavePoints);
            int x = 0, related = 0;
            for (int t = 0; t < terms; t++)
            {
                var r = t < q.RequiredTerms ? posting.Required[t] : posting.Nice[t - q.RequiredTerms];
                q.Skill[t] = r.Skill;
                q.UpperBound[t] = t < q.RequiredTerms ? q.RequiredScale * r.Weight : q.NiceScale * r.Weight;
                q.RelatedStart[t] = related;
                foreach (var source in r.Sources)
                {
                    int skill = source.SkillIndex;
                    if (source.Kind == CreditKind.Related) { q.RelatedSkill[related] = skill; q.RelatedCoefficient[related++] = source.Coefficient; }
                    q.EntryTerm[x] = t;
                    for (int level = 1; level <= 5; level++) q.EntryCredit[x * 6 + level] = source.Coefficient * MatchingModel.LevelFactor(level, r.MinLevel);
                    if (SkillStamp[skill] != _generation) { SkillStamp[skill] = _generation; SkillHead[skill] = -1; }
                    q.EntryNext[x] = SkillHead[skill];
                    SkillHead[skill] = x;
                    x++;
                }
            }
            q.RelatedStart[terms] = related;
            return q;
        }
    }
}
