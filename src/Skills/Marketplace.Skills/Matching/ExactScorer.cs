using Marketplace.Skills.Scoring;

namespace Marketplace.Skills.Matching;

// The scorer's arithmetic for one posting against indexed profiles, from the forward index: per requirement the best credit over the
// profile's skills (the same products, and max is order-free), then weight x credit summed in requirement order and
// MatchingModel.Combine, so the scores are bit-identical to Scorer.Score.
internal sealed class ExactScorer
{
    private int[] _skillStamp = [];
    private int[] _skillHead = [];
    private int _generation;
    private int[] _entryTerm = new int[64];
    private int[] _entryNext = new int[64];
    private double[] _entryCredit = new double[64 * 6];
    private double[] _best = new double[16];
    private ScanPosting _posting = null!;

    public void Prepare(ScanPosting posting, int skills)
    {
        _posting = posting;
        if (_skillStamp.Length < skills)
        {
            _skillStamp = new int[skills];
            _skillHead = new int[skills];
            _generation = 0;
        }
        if (++_generation == int.MaxValue)
        {
            Array.Clear(_skillStamp);
            _generation = 1;
        }
        var compiled = posting.Posting;
        int entries = 0;
        foreach (var r in compiled.Required) entries += r.Sources.Length;
        foreach (var r in compiled.Nice) entries += r.Sources.Length;
        if (_entryTerm.Length < entries)
        {
            _entryTerm = new int[entries];
            _entryNext = new int[entries];
            _entryCredit = new double[entries * 6];
        }
        if (_best.Length < posting.Terms) _best = new double[posting.Terms];
        int x = 0;
        for (int t = 0; t < posting.Terms; t++)
        {
            var r = t < posting.RequiredTerms ? compiled.Required[t] : compiled.Nice[t - posting.RequiredTerms];
            foreach (var source in r.Sources)
            {
                int skill = source.SkillIndex;
                _entryTerm[x] = t;
                for (int level = 1; level <= 5; level++) _entryCredit[x * 6 + level] = source.Coefficient * MatchingModel.LevelFactor(level, r.MinLevel);
                if (_skillStamp[skill] != _generation)
                {
                    _skillStamp[skill] = _generation;
                    _skillHead[skill] = -1;
                }
                _entryNext[x] = _skillHead[skill];
                _skillHead[skill] = x++;
            }
        }
    }

    public double Score(ProfileSegment segment, int p, int postingCountry)
    {
        var posting = _posting;
        var best = _best;
        Array.Clear(best, 0, posting.Terms);
        for (int e = segment.SkillStart[p], end = segment.SkillStart[p + 1]; e < end; e++)
        {
            int packed = segment.Packed[e];
            int skill = packed >> 3;
            if (_skillStamp[skill] != _generation) continue;
            int level = packed & 7;
            for (int x = _skillHead[skill]; x >= 0; x = _entryNext[x])
            {
                double c = _entryCredit[x * 6 + level];
                int t = _entryTerm[x];
                if (c > best[t]) best[t] = c;
            }
        }
        var compiled = posting.Posting;
        double req = 0, nice = 0;
        for (int t = 0; t < posting.RequiredTerms; t++) req += compiled.Required[t].Weight * best[t];
        for (int t = posting.RequiredTerms; t < posting.Terms; t++) nice += compiled.Nice[t - posting.RequiredTerms].Weight * best[t];
        double nonSkill = posting.NonSkill[ScanPosting.NonSkillIndex(segment.Meta[p], postingCountry, compiled.SalaryMax ?? double.NaN)];
        return MatchingModel.Combine(req, compiled.RequiredWeight, nice, compiled.NiceWeight, nonSkill);
    }
}
