using CsCheck;
using Marketplace.Skills.Matching;
using Marketplace.Skills.Scoring;
using Shouldly;

namespace Marketplace.Skills.Tests;

/// <summary>The indexes' top-k equals scoring every pair (brute force, dealbreakers excluded), score for score, on random populations.</summary>
public sealed class IndexTests
{
    private static readonly Taxonomy.SkillTaxonomy T = TestTaxonomy.Value;
    private static readonly Scorer Scorer = new(T);

    internal static List<RankedMatch> CandidatesByBruteForce(IEnumerable<Profile> profiles, Posting posting, int k) =>
        [.. profiles.Where(p => !Scorer.Excludes(p, posting)).Select(p => new RankedMatch(p.Id, Scorer.Score(p, posting)))
            .OrderByDescending(r => r.Score).ThenBy(r => r.Id, StringComparer.Ordinal).Take(k)];

    internal static List<RankedMatch> PostingsByBruteForce(IEnumerable<Posting> postings, Profile profile, int k) =>
        [.. postings.Where(j => !Scorer.Excludes(profile, j)).Select(j => new RankedMatch(j.Id, Scorer.Score(profile, j)))
            .OrderByDescending(r => r.Score).ThenBy(r => r.Id, StringComparer.Ordinal).Take(k)];

    [Fact]
    public void Top_k_profiles_for_a_posting_equals_brute_force()
    {
        Gen.Select(Generators.Population, Gen.Int[1, 15]).Sample((population, k) =>
        {
            var index = ProfileIndex.Build(T, population.Profiles);
            foreach (var posting in population.Postings)
                index.TopK(posting, k).ShouldBe(CandidatesByBruteForce(population.Profiles, posting, k));
        }, iter: 400);
    }

    [Fact]
    public void Top_k_postings_for_a_profile_equals_brute_force()
    {
        Gen.Select(Generators.Population, Gen.Int[1, 6]).Sample((population, k) =>
        {
            var index = PostingIndex.Build(T, population.Postings);
            foreach (var profile in population.Profiles)
                index.TopK(profile, k).ShouldBe(PostingsByBruteForce(population.Postings, profile, k));
        }, iter: 400);
    }

    [Fact]
    public void The_full_rematch_equals_the_single_queries()
    {
        Gen.Select(Generators.Population, Gen.Int[0, 6], Gen.Int[0, 4]).Sample((population, perPosting, perProfile) =>
        {
            var profiles = ProfileIndex.Build(T, population.Profiles);
            var postings = PostingIndex.Build(T, population.Postings);
            var all = Rematch.All(profiles, postings, perPosting, perProfile);
            all.CandidatesByPosting.Count.ShouldBe(population.Postings.Length);
            all.PostingsByProfile.Count.ShouldBe(population.Profiles.Length);
            foreach (var j in population.Postings) all.CandidatesByPosting[j.Id].ShouldBe(profiles.TopK(j, perPosting));
            foreach (var p in population.Profiles) all.PostingsByProfile[p.Id].ShouldBe(postings.TopK(p, perProfile));
        }, iter: 300);
    }

    [Fact]
    public void When_seniority_and_work_mode_decide_the_ranking_the_scan_prunes_none_that_belongs()
    {
        // The scan bounds a profile with its exact seniority and work-mode points (16 profiles a vector, the rest one by one): profiles
        // with the same skills, differing only there, and small k make those points decide who passes, ties included.
        var sameSkills = Gen.Select(Generators.ProfileSkill.Array[0, 4], Generators.Seniority.Array[16, 90], Generators.Preferences.Array[16, 90]);
        Gen.Select(sameSkills, Generators.Posting.Array[1, 6], Gen.Int[1, 5]).Sample((people, makePostings, k) =>
        {
            var (skills, seniorities, preferences) = people;
            var profiles = seniorities.Zip(preferences, (s, p) => (s, p)).Select((x, i) => new Profile($"p{i:D3}", skills, x.s, x.p)).ToArray();
            var postingList = makePostings.Select((f, i) => f($"j{i}")).ToArray();
            var index = ProfileIndex.Build(T, profiles);
            foreach (var posting in postingList) index.TopK(posting, k).ShouldBe(CandidatesByBruteForce(profiles, posting, k));
            var all = Rematch.All(index, PostingIndex.Build(T, postingList), k, 1);
            foreach (var posting in postingList) all.CandidatesByPosting[posting.Id].ShouldBe(CandidatesByBruteForce(profiles, posting, k));
            foreach (var profile in profiles) all.PostingsByProfile[profile.Id].ShouldBe(PostingsByBruteForce(postingList, profile, 1));
        }, iter: 300);
    }

    [Fact]
    public void The_parts_of_a_rematch_give_every_list_once_and_equal_the_full_rematch()
    {
        Gen.Select(Generators.Population, Gen.Int[1, 5]).Sample((population, parts) =>
        {
            var profiles = ProfileIndex.Build(T, population.Profiles);
            var postings = PostingIndex.Build(T, population.Postings);
            var all = Rematch.All(profiles, postings, 5, 3);
            var candidates = Enumerable.Range(0, parts).SelectMany(part => Rematch.CandidatesForPart(profiles, postings, part, parts, 5)).ToList();
            var ofProfiles = Enumerable.Range(0, parts).SelectMany(part => Rematch.PostingsForPart(profiles, postings, part, parts, 3)).ToList();
            candidates.Select(x => x.Key).ShouldBe(all.CandidatesByPosting.Keys, ignoreOrder: true);
            ofProfiles.Select(x => x.Key).ShouldBe(all.PostingsByProfile.Keys, ignoreOrder: true);
            foreach (var (id, list) in candidates) list.ShouldBe(all.CandidatesByPosting[id]);
            foreach (var (id, list) in ofProfiles) list.ShouldBe(all.PostingsByProfile[id]);
        }, iter: 200);
    }

    [Fact]
    public void Ties_go_to_the_smaller_id_and_untouched_profiles_still_count()
    {
        var profiles = new[] { new Profile("b", []), new Profile("a", []), new Profile("c", [new("kafka", 1)]) };
        var index = ProfileIndex.Build(T, profiles);
        var top = index.TopK(new Posting("j", [new("csharp")], []), 3);
        top.Select(r => r.Id).ShouldBe(["a", "b", "c"]);
        index.TopK(new Posting("j", [new("kafka")], []), 1).ShouldHaveSingleItem().Id.ShouldBe("c");
    }

    [Fact]
    public void Empty_indexes_and_k_zero_return_nothing()
    {
        ProfileIndex.Build(T, []).TopK(new Posting("j", [new("csharp")], []), 5).ShouldBeEmpty();
        PostingIndex.Build(T, []).TopK(new Profile("p", [new("csharp", 3)]), 5).ShouldBeEmpty();
        ProfileIndex.Build(T, [new Profile("a", [])]).TopK(new Posting("j", [], []), 0).ShouldBeEmpty();
        ProfileIndex.Build(T, [new Profile("a", [])]).Without("a").TopK(new Posting("j", [], []), 3).ShouldBeEmpty();
    }

    [Fact]
    public void Duplicate_ids_are_rejected()
    {
        Should.Throw<ArgumentException>(() => ProfileIndex.Build(T, [new Profile("a", []), new Profile("a", [])])).Message.ShouldContain("duplicate profile id 'a'");
        Should.Throw<ArgumentException>(() => PostingIndex.Build(T, [new Posting("j", [], []), new Posting("j", [], [])])).Message.ShouldContain("duplicate posting id 'j'");
    }

    [Fact]
    public void A_dealbreaker_excludes_profiles_without_the_skill_at_its_level_even_with_a_higher_score()
    {
        // b lacks Kafka entirely but matches more; c has it below level; d has it only through a related skill.
        Profile[] profiles =
        [
            new("a", [new("kafka", 3)]),
            new("b", [new("csharp", 5), new("postgresql", 5), new("docker", 5)]),
            new("c", [new("kafka", 2), new("csharp", 5), new("postgresql", 5)]),
            new("d", [new("rabbitmq", 5), new("csharp", 5), new("postgresql", 5)]),
        ];
        var posting = new Posting("j", [new("kafka", 3, 1, Dealbreaker: true), new("csharp", 3), new("postgresql", 3)], []);
        ProfileIndex.Build(T, profiles).TopK(posting, 4).Select(r => r.Id).ShouldBe(["a"]);
        PostingIndex.Build(T, [posting]).TopK(profiles[1], 1).ShouldBeEmpty();
        PostingIndex.Build(T, [posting]).TopK(profiles[0], 1).ShouldHaveSingleItem().Id.ShouldBe("j");

        // An implying skill at the level meets it: ASP.NET Core implies C#.
        var csharp = new Posting("k", [new("csharp", 3, 1, Dealbreaker: true)], []);
        ProfileIndex.Build(T, [new Profile("e", [new("aspnet-core", 3)]), new Profile("f", [new("aspnet-core", 2)])]).TopK(csharp, 2)
            .Select(r => r.Id).ShouldBe(["e"]);
    }

    [Fact]
    public void Employer_overrides_re_rank_exactly()
    {
        var reweight = Gen.Select(Gen.Int[0, 4], Gen.OneOf(0.0, 0.5, 1.0, 4.0), Gen.Bool).Array[0, 4];
        Gen.Select(Generators.Population, reweight, Gen.Int[1, 10]).Sample((population, changes, k) =>
        {
            var index = ProfileIndex.Build(T, population.Profiles);
            foreach (var posting in population.Postings)
            {
                var skills = posting.Required.Concat(posting.NiceToHave).Select(r => r.SkillId).Distinct().ToList();
                if (skills.Count == 0) continue;
                var weights = new Dictionary<string, double>();
                var dealbreakers = new HashSet<string>();
                foreach (var (at, weight, _) in changes) weights[skills[at % skills.Count]] = weight;
                foreach (var (at, _, dealbreaker) in changes)
                {
                    string skill = skills[at % skills.Count];
                    if (dealbreaker && weights[skill] > 0 && posting.Required.Any(r => r.SkillId == skill)) dealbreakers.Add(skill);
                }
                var ranked = new RankingOverrides(weights, dealbreakers).ApplyTo(posting);
                ranked.Required.Where(r => r.Dealbreaker).Select(r => r.SkillId).Distinct().ShouldBe(dealbreakers, ignoreOrder: true);
                index.TopK(ranked, k).ShouldBe(CandidatesByBruteForce(population.Profiles, ranked, k));
            }
        }, iter: 200);
    }

    [Fact]
    public void Overrides_name_what_is_wrong()
    {
        var posting = new Posting("j", [new("csharp"), new("kafka")], [new("docker")]);
        var e = Should.Throw<ArgumentException>(() => new RankingOverrides(
            new Dictionary<string, double> { ["cobol"] = 1, ["kafka"] = -1, ["csharp"] = 0 }, ["docker", "csharp"]).ApplyTo(posting));
        e.Message.ShouldContain("weight for 'cobol': not a skill of posting 'j'");
        e.Message.ShouldContain("weight for 'kafka': -1 must be zero or more");
        e.Message.ShouldContain("dealbreaker 'docker': not a required skill");
        e.Message.ShouldContain("dealbreaker 'csharp': not a required skill");
        var ranked = new RankingOverrides(new Dictionary<string, double> { ["csharp"] = 0, ["docker"] = 3 }, ["kafka"]).ApplyTo(posting);
        ranked.Required.ShouldBe([new SkillRequirement("kafka", Dealbreaker: true)]);
        ranked.NiceToHave.ShouldBe([new SkillRequirement("docker", Weight: 3)]);
        new RankingOverrides().ApplyTo(posting).Required.ShouldBe(posting.Required);
    }

    [Fact]
    public void Across_many_blocks_and_after_a_merge_the_answers_equal_brute_force()
    {
        // More than one block of 8,192 profiles, a last block of any length, and enough updates for Apply to merge the delta.
        Gen.Select(Generators.Profile.Array[8_190, 17_000], Generators.Posting.Array[4, 6], Generators.Profile.Array[600, 700])
            .Sample((makers, makePostings, makeUpdates) =>
            {
                var people = makers.Select((f, i) => f($"p{i:D5}")).ToArray();
                var postingList = makePostings.Select((f, i) => f($"j{i}")).ToArray();
                var profiles = ProfileIndex.Build(T, people);
                var postings = PostingIndex.Build(T, postingList);
                foreach (var posting in postingList) profiles.TopK(posting, 40).ShouldBe(CandidatesByBruteForce(people, posting, 40));
                var all = Rematch.All(profiles, postings, 40, 2);
                foreach (var posting in postingList) all.CandidatesByPosting[posting.Id].ShouldBe(CandidatesByBruteForce(people, posting, 40));
                foreach (var profile in people.Where((_, i) => i % 97 == 0)) all.PostingsByProfile[profile.Id].ShouldBe(PostingsByBruteForce(postingList, profile, 2));

                var updates = makeUpdates.Select((f, i) => f($"p{i * 23 % people.Length:D5}")).DistinctBy(p => p.Id).ToArray();
                var removed = people.Where((_, i) => i % 50 == 1).Select(p => p.Id).Except(updates.Select(u => u.Id)).ToArray();
                var updated = profiles.Apply(updates, removed);
                var live = people.Where(p => !removed.Contains(p.Id)).Select(p => updates.FirstOrDefault(u => u.Id == p.Id) ?? p).ToArray();
                updated.Count.ShouldBe(live.Length);
                foreach (var posting in postingList) updated.TopK(posting, 40).ShouldBe(CandidatesByBruteForce(live, posting, 40));
            }, iter: 2);
    }

    private sealed record Change(int Kind, int Id, Func<string, Profile> Profile, Func<string, Posting> Posting, int Batch);

    private static readonly Gen<Change> Changes =
        Gen.Select(Gen.Int[0, 9], Gen.Int[0, 24], Generators.Profile, Generators.Posting, Gen.Int[0, 3], (kind, id, p, j, batch) => new Change(kind, id, p, j, batch));

    [Fact]
    public void After_any_sequence_of_updates_the_indexes_answer_as_built_from_scratch()
    {
        Gen.Select(Generators.Population, Changes.Array[0, 40], Gen.Int[1, 8]).Sample((population, changes, k) =>
        {
            var profiles = ProfileIndex.Build(T, population.Profiles);
            var postings = PostingIndex.Build(T, population.Postings);
            var liveProfiles = population.Profiles.ToDictionary(p => p.Id);
            var livePostings = population.Postings.ToDictionary(j => j.Id);
            foreach (var change in changes)
            {
                string profileId = $"p{change.Id:D4}-x", postingId = $"j{change.Id % 10:D3}";
                if (change.Id < population.Profiles.Length && change.Kind % 2 == 0) profileId = population.Profiles[change.Id].Id;
                switch (change.Kind)
                {
                    case <= 3:
                        // A batch of upserts; or one upsert with With.
                        var batch = Enumerable.Range(0, change.Batch + 1).Select(i => change.Profile(i == 0 ? profileId : $"{profileId}{i}")).ToList();
                        profiles = change.Batch == 0 ? profiles.With(batch[0]) : profiles.Apply(batch, []);
                        foreach (var p in batch) liveProfiles[p.Id] = p;
                        break;
                    case <= 5:
                        profiles = change.Batch == 0 ? profiles.Without(profileId) : profiles.Apply([], [profileId, "no-such-profile"]);
                        liveProfiles.Remove(profileId);
                        break;
                    case 6:
                        profiles = profiles.Compact();
                        break;
                    case 7:
                        postings = postings.With(change.Posting(postingId));
                        livePostings[postingId] = change.Posting(postingId);
                        break;
                    default:
                        postings = change.Batch == 0 ? postings.Without(postingId) : postings.Apply([change.Posting("j-new")], [postingId]);
                        livePostings.Remove(postingId);
                        if (change.Batch != 0) livePostings["j-new"] = change.Posting("j-new");
                        break;
                }
            }
            profiles.Count.ShouldBe(liveProfiles.Count);
            postings.Count.ShouldBe(livePostings.Count);
            foreach (string id in liveProfiles.Keys) profiles.Contains(id).ShouldBeTrue();
            foreach (var p in population.Profiles) profiles.Contains(p.Id).ShouldBe(liveProfiles.ContainsKey(p.Id));
            var fresh = ProfileIndex.Build(T, [.. liveProfiles.Values]);
            foreach (var posting in livePostings.Values.Concat(population.Postings))
            {
                var expected = CandidatesByBruteForce(liveProfiles.Values, posting, k);
                profiles.TopK(posting, k).ShouldBe(expected);
                fresh.TopK(posting, k).ShouldBe(expected);
            }
            foreach (var profile in liveProfiles.Values)
                postings.TopK(profile, k).ShouldBe(PostingsByBruteForce(livePostings.Values, profile, k));
            var all = Rematch.All(profiles, postings, k, k);
            foreach (var posting in livePostings.Values) all.CandidatesByPosting[posting.Id].ShouldBe(CandidatesByBruteForce(liveProfiles.Values, posting, k));
            foreach (var profile in liveProfiles.Values) all.PostingsByProfile[profile.Id].ShouldBe(PostingsByBruteForce(livePostings.Values, profile, k));
        }, iter: 300);
    }
}
