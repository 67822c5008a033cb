using Marketplace.Skills.Scoring;
using Marketplace.Skills.Taxonomy;

namespace Marketplace.Skills.Matching;

// A profile compiled for an index: its skills by index (best level each, sorted) and the fields the non-skill parts read.
internal sealed record IndexedProfile(string Id, (int Skill, int Level)[] Skills, int Seniority, RemotePreference Remote, bool Relocate, string? Country, double MinSalary)
{
    public static IndexedProfile From(Profile profile, SkillTaxonomy taxonomy)
    {
        var skills = CompiledProfile.ResolveSkills(profile, taxonomy);
        var p = profile.Preferences ?? new Preferences();
        return new IndexedProfile(profile.Id, skills, profile.Seniority is { } s ? (int)s : 0, p.Remote, p.WillingToRelocate,
            CompiledPosting.CountryKey(p.Country), CompiledProfile.ValidMinSalary(profile) ?? double.NaN);
    }

    public byte Class => (byte)(Seniority * 8 + (int)Remote * 2 + (Relocate ? 1 : 0));
}

// An immutable, id-sorted run of profiles: the forward index, the non-skill fields, and per skill R the "credit list": every profile
// that earns any credit for R (itself, by implication or by relation), sorted by slot, with a code per entry. A code stands for the
// profile's credit for R at each minimum level 1..5 (the scorer's max over sources, as doubles) and the levels at which R is met as a
// dealbreaker; codes are interned per skill, so an entry is a slot and a code in 32 bits. All lists live in one array. They are cut into blocks of BlockSize slots, with each list's block starts kept, so that a block's sums
// fit in a core's first-level cache.
internal sealed class ProfileSegment
{
    private static readonly System.Runtime.CompilerServices.ConditionalWeakTable<SkillTaxonomy, ProfileSegment> Empties = [];

    public static ProfileSegment EmptyFor(SkillTaxonomy taxonomy) => Empties.GetValue(taxonomy, t => new ProfileSegment(t, []));

    public const int BlockBits = 13;
    public const int BlockSize = 1 << BlockBits;

    public readonly SkillTaxonomy Taxonomy;
    public readonly int Count;
    public readonly int Blocks;
    public readonly string[] Ids;
    public readonly int[] SkillStart;
    // Skill index << 3 | level, per profile in skill order.
    public readonly int[] Packed;
    public readonly ProfileMeta[] Meta;
    // Per slot, the seniority (0 when unknown) and the work-mode preference, as 16-bit lanes for the scan's vectorized non-skill bound.
    public readonly ushort[] SeniorityLane;
    public readonly ushort[] RemoteLane;
    public readonly CountryCodes Countries = new();
    // The lists: skill R's entries are ListEntry[ListStart[R]..ListStart[R + 1]], each the profile's slot within its block (the low
    // BlockBits bits) and its code (the bits above); its entries in block b start at BlockStart[R * (Blocks + 1) + b].
    public readonly int[] ListStart;
    public readonly uint[] ListEntry;
    public readonly int[] BlockStart;
    // Skill R's codes are CodeStart[R]..CodeStart[R + 1]: CodeCredit[(CodeStart[R] + code) * 5 + minLevel - 1] is the credit, and bit
    // (minLevel - 1) of CodeMeets[CodeStart[R] + code] says whether the entry meets R as a dealbreaker at that minimum level.
    public readonly int[] CodeStart;
    public readonly double[] CodeCredit;
    public readonly byte[] CodeMeets;

    public ProfileSegment(SkillTaxonomy taxonomy, IndexedProfile[] sorted)
    {
        Taxonomy = taxonomy;
        int n = sorted.Length, skills = taxonomy.Skills.Count;
        Count = n;
        Blocks = (n + BlockSize - 1) >> BlockBits;
        Ids = new string[n];
        Meta = new ProfileMeta[n];
        SeniorityLane = new ushort[n];
        RemoteLane = new ushort[n];
        SkillStart = new int[n + 1];
        for (int p = 0; p < n; p++) SkillStart[p + 1] = SkillStart[p] + sorted[p].Skills.Length;
        Packed = new int[SkillStart[n]];

        // First every (skill, slot, code) entry in slot order, then a counting sort by skill keeps each list in slot order.
        var targets = CreditTargets.For(taxonomy);
        var codes = new CodeTable();
        var entrySkill = new int[Math.Max(16, SkillStart[n] * 4)];
        var entryCode = new int[entrySkill.Length];
        var entrySlot = new int[entrySkill.Length];
        int entries = 0;
        // The scorer's level factors, computed the same way once.
        Span<double> factor = stackalloc double[36];
        for (int level = 1; level <= 5; level++)
            for (int m = 1; m <= 5; m++) factor[level * 6 + m] = MatchingModel.LevelFactor(level, m);
        var credit = new double[skills * 5];
        var meets = new byte[skills];
        var stamp = new int[skills];
        var touched = new int[skills];
        for (int p = 0; p < n; p++)
        {
            var profile = sorted[p];
            if (p > 0 && string.CompareOrdinal(sorted[p - 1].Id, profile.Id) >= 0)
                throw new ArgumentException(sorted[p - 1].Id == profile.Id ? $"duplicate profile id '{profile.Id}'" : "profiles must be sorted by id");
            Ids[p] = profile.Id;
            Meta[p] = new ProfileMeta(profile.MinSalary, Countries.Add(profile.Country), profile.Class);
            SeniorityLane[p] = (ushort)profile.Seniority;
            RemoteLane[p] = (ushort)profile.Remote;
            int touchedCount = 0;
            for (int i = 0; i < profile.Skills.Length; i++)
            {
                var (skill, level) = profile.Skills[i];
                Packed[SkillStart[p] + i] = skill << 3 | level;
                foreach (var target in targets[skill])
                {
                    int r = target.Skill, at = r * 5;
                    if (stamp[r] != p + 1)
                    {
                        stamp[r] = p + 1;
                        credit.AsSpan(at, 5).Clear();
                        meets[r] = 0;
                        touched[touchedCount++] = r;
                    }
                    for (int m = 1; m <= 5; m++)
                    {
                        double c = target.Coefficient * factor[level * 6 + m];
                        if (c > credit[at + m - 1]) credit[at + m - 1] = c;
                    }
                    if (target.CanMeet) meets[r] |= (byte)((1 << level) - 1);
                }
            }
            if (entries + touchedCount > entrySkill.Length)
            {
                int size = Math.Max(entries + touchedCount, entrySkill.Length * 2);
                Array.Resize(ref entrySkill, size);
                Array.Resize(ref entryCode, size);
                Array.Resize(ref entrySlot, size);
            }
            for (int i = 0; i < touchedCount; i++, entries++)
            {
                int r = touched[i];
                entrySkill[entries] = r;
                entrySlot[entries] = p;
                entryCode[entries] = codes.Intern(r, credit.AsSpan(r * 5, 5), meets[r]);
            }
        }

        ListStart = new int[skills + 1];
        for (int e = 0; e < entries; e++) ListStart[entrySkill[e] + 1]++;
        for (int r = 0; r < skills; r++) ListStart[r + 1] += ListStart[r];
        ListEntry = new uint[entries];
        BlockStart = new int[skills * (Blocks + 1)];
        var next = ListStart[..skills];
        var block = new int[skills];
        for (int e = 0; e < entries; e++)
        {
            int r = entrySkill[e], slot = entrySlot[e], at = next[r]++;
            ListEntry[at] = (uint)(slot & (BlockSize - 1)) | (uint)entryCode[e] << BlockBits;
            // Entries come in slot order: the first of a block starts it, and the blocks skipped before it.
            for (; block[r] <= slot >> BlockBits; block[r]++) BlockStart[r * (Blocks + 1) + block[r]] = at;
        }
        for (int r = 0; r < skills; r++)
            for (; block[r] <= Blocks; block[r]++) BlockStart[r * (Blocks + 1) + block[r]] = ListStart[r + 1];
        (CodeStart, CodeCredit, CodeMeets) = codes.Tables(skills);
    }

    public long EstimatedBytes =>
        Packed.Length * 4L + SkillStart.Length * 4L + Count * 28L + ListEntry.Length * 4L + BlockStart.Length * 4L
        + ListStart.Length * 4L + CodeCredit.Length * 8L + CodeMeets.Length + CodeStart.Length * 4L;

    public int Find(string id) => Array.BinarySearch(Ids, id, StringComparer.Ordinal);

    // The profile back in the index's input form (for merging segments).
    public IndexedProfile Extract(int p)
    {
        var skills = new (int, int)[SkillStart[p + 1] - SkillStart[p]];
        for (int i = 0; i < skills.Length; i++)
        {
            int packed = Packed[SkillStart[p] + i];
            skills[i] = (packed >> 3, packed & 7);
        }
        var meta = Meta[p];
        return new IndexedProfile(Ids[p], skills, meta.Class / 8, (RemotePreference)(meta.Class / 2 % 4), (meta.Class & 1) == 1,
            Countries.NameOf(meta.Country), meta.MinSalary);
    }

    // Interns credit vectors per skill with open addressing: a code is the vector's number among its skill's.
    private sealed class CodeTable
    {
        private int[] _slots = new int[1 << 12];
        private readonly List<int> _skill = [];
        private readonly List<int> _code = [];
        private readonly List<double> _credit = [];
        private readonly List<byte> _meets = [];
        private readonly Dictionary<int, int> _codesOfSkill = [];

        public int Intern(int skill, ReadOnlySpan<double> credit, byte meets)
        {
            ulong hash = (ulong)skill * 0x9E3779B97F4A7C15UL ^ meets;
            foreach (double c in credit) hash = (hash ^ (ulong)BitConverter.DoubleToInt64Bits(c)) * 0xBF58476D1CE4E5B9UL;
            int mask = _slots.Length - 1;
            for (int at = (int)(hash >> 40) & mask; ; at = (at + 1) & mask)
            {
                int id = _slots[at] - 1;
                if (id < 0)
                {
                    id = _skill.Count;
                    int code = _codesOfSkill.GetValueOrDefault(skill);
                    if (code >= 1 << (32 - BlockBits)) throw new InvalidOperationException("too many distinct credits for one skill");
                    _codesOfSkill[skill] = code + 1;
                    _skill.Add(skill);
                    _code.Add(code);
                    foreach (double c in credit) _credit.Add(c);
                    _meets.Add(meets);
                    _slots[at] = id + 1;
                    if (_skill.Count * 2 > _slots.Length) Grow();
                    return code;
                }
                if (Same(id, skill, credit, meets)) return _code[id];
            }
        }

        private bool Same(int id, int skill, ReadOnlySpan<double> credit, byte meets)
        {
            if (_skill[id] != skill || _meets[id] != meets) return false;
            for (int m = 0; m < 5; m++) if (_credit[id * 5 + m] != credit[m]) return false;
            return true;
        }

        private void Grow()
        {
            var old = _slots;
            _slots = new int[old.Length * 2];
            int mask = _slots.Length - 1;
            foreach (int entry in old)
            {
                if (entry == 0) continue;
                int id = entry - 1;
                ulong hash = (ulong)_skill[id] * 0x9E3779B97F4A7C15UL ^ _meets[id];
                for (int m = 0; m < 5; m++) hash = (hash ^ (ulong)BitConverter.DoubleToInt64Bits(_credit[id * 5 + m])) * 0xBF58476D1CE4E5B9UL;
                int at = (int)(hash >> 40) & mask;
                while (_slots[at] != 0) at = (at + 1) & mask;
                _slots[at] = entry;
            }
        }

        public (int[] Start, double[] Credit, byte[] Meets) Tables(int skills)
        {
            var start = new int[skills + 1];
            foreach (int skill in _skill) start[skill + 1]++;
            for (int r = 0; r < skills; r++) start[r + 1] += start[r];
            var credit = new double[_skill.Count * 5];
            var meets = new byte[_skill.Count];
            for (int id = 0; id < _skill.Count; id++)
            {
                int at = start[_skill[id]] + _code[id];
                for (int m = 0; m < 5; m++) credit[at * 5 + m] = _credit[id * 5 + m];
                meets[at] = _meets[id];
            }
            return (start, credit, meets);
        }
    }
}

// The fields the non-skill parts need, together: the seeker's minimum salary (NaN when unknown), country code, and class
// (seniority x 8 + work-mode preference x 2 + willing to relocate).
internal readonly record struct ProfileMeta(double MinSalary, int Country, byte Class);
