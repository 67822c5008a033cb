using Marketplace.Skills.Scoring;

namespace Marketplace.Skills.Matching;

// A posting prepared for the dense scan: its terms (required, then nice-to-have) with their points, and the constants of the
// quantized bound. Scores are bounded in units of 1/512 point: a profile's lower bound is the sum, per term, of
// floor(512 x points x credit) (one 16-bit add per list entry), plus the empty parts and the exact non-skill points; the exact
// score lies between that and the lower bound plus Slack. Only pairs whose upper bound can reach a kept threshold are scored exactly.
internal sealed class ScanPosting
{
    public const int Units = 512;
    public const int MaxTerms = 4096;
    public const int NonSkillTableSize = 40 * 2 * 3;
    public const int NonSkillMaxUnits = (int)(ProfileIndex.NonSkillMax * Units);

    public ScanPosting(CompiledPosting posting)
    {
        Posting = posting;
        RequiredTerms = posting.Required.Length;
        Terms = RequiredTerms + posting.Nice.Length;
        if (Terms > MaxTerms) throw new ArgumentException($"posting '{posting.Source.Id}' lists {Terms} skills; at most {MaxTerms} can be ranked");
        Dealbreakers = posting.Dealbreakers;
        Skill = new int[Terms];
        MinLevel = new int[Terms];
        Points = new double[Terms];
        Dealbreaker = new bool[Terms];
        for (int t = 0; t < Terms; t++)
        {
            bool required = t < RequiredTerms;
            var r = required ? posting.Required[t] : posting.Nice[t - RequiredTerms];
            Skill[t] = r.Skill;
            MinLevel[t] = r.MinLevel;
            Points[t] = required
                ? MatchingModel.RequiredPoints * r.Weight / posting.RequiredWeight
                : MatchingModel.NiceToHavePoints * r.Weight / posting.NiceWeight;
            Dealbreaker[t] = r.Dealbreaker;
        }
        ConstantUnits = (RequiredTerms > 0 ? 0 : (int)MatchingModel.RequiredPoints * Units) + (Terms > RequiredTerms ? 0 : (int)MatchingModel.NiceToHavePoints * Units);
        // Each term's floor loses less than one unit, the non-skill floor less than one, and one more for the doubles' rounding.
        Slack = Terms + 2;
        PostingSeniority = posting.Seniority is { } seniority ? (int)seniority : 0;
        for (int remote = 0; remote < 4; remote++)
            ModeUnits[remote] = (ushort)(MatchingModel.LocationPoints * Units * MatchingModel.ModeFit((RemotePreference)remote, posting.Mode));
        FillNonSkillTable(posting, NonSkill);
        for (int i = 0; i < NonSkill.Length; i++) NonSkillUnits[i] = (ushort)Math.Max(0, Math.Floor(NonSkill[i] * Units - 1e-6));
    }

    public CompiledPosting Posting { get; }
    public int Terms { get; }
    public int RequiredTerms { get; }
    public int Dealbreakers { get; }
    public int[] Skill { get; }
    public int[] MinLevel { get; }
    public double[] Points { get; }
    public bool[] Dealbreaker { get; }
    public int ConstantUnits { get; }
    // For the vectorized bound: the posting's seniority (0 when it states none) and, per work-mode preference, the location points at
    // full country fit in units. Seniority and mode fits are multiples of a half, so these units are exact.
    public int PostingSeniority { get; }
    public ushort[] ModeUnits { get; } = new ushort[4];
    public const int SeniorityFullUnits = (int)MatchingModel.SeniorityPoints * Units;
    public const int SalaryFullUnits = (int)MatchingModel.SalaryPoints * Units;

    // What a scan adds to a profile's 16-bit sum, before its seniority and mode bound, for an upper bound that holds whatever the
    // country and salary are.
    public int PartialBoundOffset => ConstantUnits + Slack + SalaryFullUnits;
    public int Slack { get; }
    public double[] NonSkill { get; } = new double[NonSkillTableSize];
    public ushort[] NonSkillUnits { get; } = new ushort[NonSkillTableSize];

    // What a scan adds to a profile's 16-bit sum for an upper bound that holds whatever the non-skill parts are.
    public int BoundOffset => ConstantUnits + Slack + NonSkillMaxUnits;

    public static int NonSkillIndex(in ProfileMeta meta, int postingCountry, double salaryMax)
    {
        int salary = double.IsNaN(salaryMax) || double.IsNaN(meta.MinSalary) ? 0 : salaryMax >= meta.MinSalary ? 1 : 2;
        int differs = CountryCodes.SameOrUnknown(meta.Country, postingCountry) ? 0 : 1;
        return (meta.Class * 2 + differs) * 3 + salary;
    }

    // The non-skill parts depend on few profile fields: a per-posting table over (seniority, work mode preference, relocation,
    // country fits, salary state) holds MatchingModel.NonSkill's exact values, so the hot loops do a lookup instead of the branches.
    private static void FillNonSkillTable(CompiledPosting posting, double[] table)
    {
        // The fits first (few calls), then MatchingModel.NonSkill on them: the same inputs, so the same bits as the scorer.
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
}

// A scan posting's tables for one segment: per term, the units each credit code of the segment's list adds (and for a dealbreaker,
// whether the code meets it), and the posting's country in the segment's codes.
internal sealed class SegmentTables
{
    public SegmentTables(ScanPosting posting, ProfileSegment segment)
    {
        Offset = new int[posting.Terms + 1];
        for (int t = 0; t < posting.Terms; t++)
        {
            int skill = posting.Skill[t];
            Offset[t + 1] = Offset[t] + segment.CodeStart[skill + 1] - segment.CodeStart[skill];
        }
        Units = new ushort[Offset[posting.Terms]];
        MeetsTable = posting.Dealbreakers > 0 ? new ushort[Offset[posting.Terms]] : [];
        for (int t = 0; t < posting.Terms; t++)
        {
            int skill = posting.Skill[t], m = posting.MinLevel[t], first = segment.CodeStart[skill], codes = segment.CodeStart[skill + 1] - first;
            double scale = ScanPosting.Units * posting.Points[t];
            for (int c = 0; c < codes; c++)
            {
                Units[Offset[t] + c] = (ushort)Math.Max(0, Math.Floor(scale * segment.CodeCredit[(first + c) * 5 + m - 1] - 1e-6));
                if (posting.Dealbreaker[t]) MeetsTable[Offset[t] + c] = (ushort)((segment.CodeMeets[first + c] >> (m - 1)) & 1);
            }
        }
        Country = segment.Countries.Find(posting.Posting.Country);
        SalaryMax = posting.Posting.SalaryMax ?? double.NaN;
    }

    public int[] Offset { get; }
    public ushort[] Units { get; }
    public ushort[] MeetsTable { get; }
    public int Country { get; }
    public double SalaryMax { get; }
}
