using CsCheck;
using Marketplace.Skills.Matching;
using Marketplace.Skills.Scoring;
using Shouldly;

namespace Marketplace.Skills.Tests;

/// <summary>The kept lists equal a full rematch of the current data after any sequence of changes, and the changes name exactly the
/// lists that changed.</summary>
public sealed class MatchListsTests
{
    private static readonly Taxonomy.SkillTaxonomy T = TestTaxonomy.Value;

    private sealed record Step(int[] ProfileIds, Func<string, Profile>[] Profiles, int[] RemovedProfiles, int[] PostingIds, Func<string, Posting>[] Postings, int[] RemovedPostings);

    private static readonly Gen<Step> Steps = Gen.Select(
        Gen.Int[0, 29].Array[0, 3], Generators.Profile.Array[3], Gen.Int[0, 29].Array[0, 2],
        Gen.Int[0, 9].Array[0, 2], Generators.Posting.Array[2], Gen.Int[0, 9].Array[0, 1],
        (pi, ps, pr, ji, js, jr) => new Step(pi, ps, pr, ji, js, jr));

    [Fact]
    public void After_any_sequence_of_changes_the_lists_equal_a_full_rematch()
    {
        Gen.Select(Generators.Population, Steps.Array[1, 12], Gen.Int[1, 6], Gen.Int[1, 4]).Sample((population, steps, perPosting, perProfile) =>
        {
            var lists = MatchLists.Build(ProfileIndex.Build(T, population.Profiles), PostingIndex.Build(T, population.Postings), perPosting, perProfile);
            var profileIds = population.Profiles.Select(p => p.Id).Concat(Enumerable.Range(0, 30).Select(i => $"new-p{i}")).ToArray();
            var postingIds = population.Postings.Select(j => j.Id).Concat(Enumerable.Range(0, 10).Select(i => $"new-j{i}")).ToArray();
            foreach (var step in steps)
            {
                var before = Snapshot(lists);
                var changes = lists.Apply(
                    step.ProfileIds.Select((id, i) => step.Profiles[i](profileIds[id % profileIds.Length])),
                    step.RemovedProfiles.Select(id => profileIds[id % profileIds.Length]),
                    step.PostingIds.Select((id, i) => step.Postings[i](postingIds[id % postingIds.Length])),
                    step.RemovedPostings.Select(id => postingIds[id % postingIds.Length]));
                var expected = Rematch.All(lists.Profiles, lists.Postings, perPosting, perProfile);
                var after = Snapshot(lists);
                after.Candidates.Keys.ShouldBe(expected.CandidatesByPosting.Keys, ignoreOrder: true);
                after.Postings.Keys.ShouldBe(expected.PostingsByProfile.Keys, ignoreOrder: true);
                foreach (var (id, list) in expected.CandidatesByPosting) after.Candidates[id].ShouldBe(list);
                foreach (var (id, list) in expected.PostingsByProfile) after.Postings[id].ShouldBe(list);
                changes.Postings.ShouldBe(Differences(before.Candidates, after.Candidates), ignoreOrder: true);
                changes.Profiles.ShouldBe(Differences(before.Postings, after.Postings), ignoreOrder: true);
            }
        }, iter: 200);
    }

    [Fact]
    public void A_new_posting_reaches_the_lists_it_beats_and_a_closed_one_leaves_them()
    {
        Profile[] profiles = [new("a", [new("kafka", 4)]), new("b", [new("csharp", 4)])];
        var lists = MatchLists.Build(ProfileIndex.Build(T, profiles), PostingIndex.Build(T, [new Posting("j1", [new("csharp")], [])]), 1, 1);
        lists.PostingsOf("a").ShouldHaveSingleItem().Id.ShouldBe("j1");
        var changes = lists.Apply([], [], [new Posting("j2", [new("kafka")], [])], []);
        lists.PostingsOf("a").ShouldHaveSingleItem().Id.ShouldBe("j2");
        lists.CandidatesOf("j2").ShouldHaveSingleItem().Id.ShouldBe("a");
        changes.Profiles.ShouldBe(["a"]);
        changes.Postings.ShouldBe(["j2"]);
        lists.Apply([], [], [], ["j2"]).Profiles.ShouldBe(["a"]);
        lists.PostingsOf("a").ShouldHaveSingleItem().Id.ShouldBe("j1");
        lists.CandidatesOf("j2").ShouldBeEmpty();
    }

    private static (Dictionary<string, RankedMatch[]> Candidates, Dictionary<string, RankedMatch[]> Postings) Snapshot(MatchLists lists)
    {
        var all = Rematch.All(lists.Profiles, lists.Postings, 0, 0);
        return (all.CandidatesByPosting.Keys.ToDictionary(id => id, id => lists.CandidatesOf(id).ToArray()),
            all.PostingsByProfile.Keys.ToDictionary(id => id, id => lists.PostingsOf(id).ToArray()));
    }

    private static List<string> Differences(Dictionary<string, RankedMatch[]> before, Dictionary<string, RankedMatch[]> after) =>
        [.. before.Keys.Union(after.Keys).Where(id => !before.TryGetValue(id, out var b) || !after.TryGetValue(id, out var a) || !b.SequenceEqual(a))];
}
