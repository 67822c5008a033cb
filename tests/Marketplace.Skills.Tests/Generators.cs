using CsCheck;
using Marketplace.Skills.Scoring;

namespace Marketplace.Skills.Tests;

/// <summary>Random profiles and postings over the test taxonomy.</summary>
internal static class Generators
{
    private static readonly Taxonomy.SkillTaxonomy T = TestTaxonomy.Value;

    public static readonly Gen<string> SkillId = Gen.Int[0, T.Skills.Count - 1].Select(i => T[i].Id);

    public static readonly Gen<ProfileSkill> ProfileSkill = Gen.Select(SkillId, Gen.Int[1, 5], (s, l) => new ProfileSkill(s, l));

    public static readonly Gen<SkillRequirement> Requirement =
        Gen.Select(SkillId, Gen.Int[1, 5], Gen.OneOf(0.5, 1.0, 2.0, 3.0), (s, l, w) => new SkillRequirement(s, l, w));

    // A required skill is a dealbreaker about one time in six.
    public static readonly Gen<SkillRequirement> RequiredSkill =
        Gen.Select(Requirement, Gen.Int[0, 5], (r, d) => r with { Dealbreaker = d == 0 });

    public static readonly Gen<string?> Country = Gen.OneOf<string?>("DE", "FR", "de", null);

    public static readonly Gen<Seniority?> Seniority = Gen.Int[0, 4].Select(i => i == 0 ? (Seniority?)null : (Seniority)i);

    public static readonly Gen<double?> Money = Gen.OneOf<double?>(null, 50_000, 70_000, 90_000);

    public static readonly Gen<Preferences> Preferences =
        Gen.Select(Gen.Enum<RemotePreference>(), Country, Gen.Bool, Money, (r, c, rel, m) => new Preferences(r, c, null, rel, m));

    public static readonly Gen<Func<string, Profile>> Profile =
        Gen.Select(ProfileSkill.Array[0, 8], Seniority, Preferences, (skills, s, p) => (Func<string, Profile>)(id => new Profile(id, skills, s, p)));

    public static readonly Gen<Func<string, Posting>> Posting =
        Gen.Select(RequiredSkill.Array[0, 6], Requirement.Array[0, 3], Seniority, Gen.Enum<WorkMode>(), Country, Money,
            (req, nice, s, mode, c, max) => (Func<string, Posting>)(id => new Posting(id, req, nice, s, mode, c, null, new SalaryRange(null, max))));

    public static readonly Gen<(Profile[] Profiles, Posting[] Postings)> Population =
        Gen.Select(Profile.Array[0, 60], Posting.Array[1, 8], (ps, js) => (
            ps.Select((f, i) => f($"p{(i * 7919) % 1000:D4}-{i}")).ToArray(),
            js.Select((f, i) => f($"j{i:D3}")).ToArray()));
}
