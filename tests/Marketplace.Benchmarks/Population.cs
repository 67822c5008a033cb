using Marketplace.Skills.Scoring;
using Marketplace.Skills.Taxonomy;

namespace Marketplace.Benchmarks;

/// <summary>A seeded, realistic population from the taxonomy: popularity-skewed skills, stacks that go together (an anchor language or
/// framework, what it implies, some related skills, a database, cloud and tooling), levels centred on 3.</summary>
public sealed class Population
{
    private static readonly string[] Countries = ["DE", "FR", "NL", "PL", "ES", "IT", "GB", "SE", "PT", "US"];
    private static readonly string[] AnchorCategories = ["language", "web-framework", "runtime", "orm"];
    private static readonly string[] SideCategories = ["database", "cloud", "container", "ci-cd", "messaging", "testing", "observability", "cache", "architecture", "tool", "api", "security", "data"];

    private readonly SkillTaxonomy _t;
    private readonly Random _rng;
    private readonly Sampler _all;
    private readonly Sampler _anchors;
    private readonly Dictionary<string, Sampler> _byCategory;

    public Population(SkillTaxonomy taxonomy, int profiles, int postings, int seed)
    {
        _t = taxonomy;
        _rng = new Random(seed);
        _all = new Sampler(taxonomy.Skills);
        _anchors = new Sampler([.. taxonomy.Skills.Where(s => AnchorCategories.Contains(s.Category))]);
        _byCategory = taxonomy.Skills.GroupBy(s => s.Category).ToDictionary(g => g.Key, g => new Sampler([.. g]));
        Profiles = [.. Enumerable.Range(0, profiles).Select(MakeProfile)];
        Postings = [.. Enumerable.Range(0, postings).Select(MakePosting)];
    }

    public Profile[] Profiles { get; }
    public Posting[] Postings { get; }

    public string Describe() =>
        $"{Profiles.Average(p => p.Skills.Count):F1} skills a profile, {Postings.Average(p => p.Required.Count):F1} required and "
        + $"{Postings.Average(p => p.NiceToHave.Count):F1} nice-to-have a posting";

    public static string ProfileId(int n) => $"p{n:D7}";
    public static string PostingId(int n) => $"j{n:D6}";

    private List<Skill> Stack(int extra)
    {
        var set = new List<Skill>();
        void Add(Skill s) { if (!set.Contains(s)) set.Add(s); }
        var anchor = _anchors.Next(_rng);
        Add(anchor);
        foreach (int i in _t.ImpliedBy(anchor)) Add(_t[i]);
        foreach (var (i, similarity) in _t.RelatedTo(anchor)) if (_rng.NextDouble() < similarity * 0.4) Add(_t[i]);
        if (_rng.NextDouble() < 0.4) { var second = _anchors.Next(_rng); Add(second); foreach (int i in _t.ImpliedBy(second)) Add(_t[i]); }
        foreach (string c in SideCategories)
            if (_byCategory.TryGetValue(c, out var sampler) && _rng.NextDouble() < (c is "database" ? 0.9 : c is "cloud" or "container" ? 0.6 : 0.3))
                Add(sampler.Next(_rng));
        for (int i = 0; i < extra; i++) Add(_all.Next(_rng));
        return set;
    }

    private int Level() => _rng.NextDouble() switch { < 0.08 => 1, < 0.28 => 2, < 0.63 => 3, < 0.88 => 4, _ => 5 };

    private Profile MakeProfile(int n)
    {
        var stack = Stack(_rng.Next(0, 4));
        if (stack.Count > 14) stack = stack[..14];
        var skills = stack.Select((s, i) => new ProfileSkill(s.Id, i == 0 ? Math.Max(3, Level()) : Level(), _rng.Next(1, 12))).ToList();
        var seniority = _rng.NextDouble() < 0.1 ? (Seniority?)null : (Seniority)_rng.Next(1, 5);
        var prefs = new Preferences(
            (RemotePreference)_rng.Next(0, 4),
            _rng.NextDouble() < 0.05 ? null : Countries[_rng.Next(Countries.Length)],
            null,
            _rng.NextDouble() < 0.3,
            _rng.NextDouble() < 0.2 ? null : 30_000 + 5_000 * _rng.Next(0, 20));
        return new Profile(ProfileId(n), skills, seniority, prefs);
    }

    private Posting MakePosting(int n)
    {
        var stack = Stack(2);
        int requiredCount = Math.Min(stack.Count, _rng.Next(3, 8));
        var required = stack.Take(requiredCount).Select(s => new SkillRequirement(s.Id, _rng.Next(2, 5), _rng.NextDouble() < 0.5 ? 1 : _rng.Next(2, 4))).ToList();
        var nice = stack.Skip(requiredCount).Take(_rng.Next(0, 4)).Select(s => new SkillRequirement(s.Id, _rng.Next(1, 4), 1)).ToList();
        var seniority = _rng.NextDouble() < 0.15 ? (Seniority?)null : (Seniority)_rng.Next(1, 5);
        double? max = _rng.NextDouble() < 0.25 ? null : 45_000 + 5_000 * _rng.Next(0, 20);
        return new Posting(PostingId(n), required, nice, seniority, (WorkMode)_rng.Next(0, 3),
            Countries[_rng.Next(Countries.Length)], null, new SalaryRange(max is null ? null : max - 15_000, max));
    }

    // Popularity-weighted sampling, flattened (p^0.6) so the long tail still appears.
    private sealed class Sampler
    {
        private readonly Skill[] _skills;
        private readonly double[] _cumulative;

        public Sampler(IReadOnlyList<Skill> skills)
        {
            _skills = [.. skills];
            _cumulative = new double[_skills.Length];
            double sum = 0;
            for (int i = 0; i < _skills.Length; i++) { sum += Math.Pow(_skills[i].Popularity, 0.6); _cumulative[i] = sum; }
        }

        public Skill Next(Random rng)
        {
            double x = rng.NextDouble() * _cumulative[^1];
            int i = Array.BinarySearch(_cumulative, x);
            return _skills[i < 0 ? Math.Min(~i, _skills.Length - 1) : i];
        }
    }
}
