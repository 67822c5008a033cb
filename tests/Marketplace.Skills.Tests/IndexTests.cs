using CsCheck;
using Marketplace.Skills.Matching;
using Marketplace.Skills.Scoring;
using Shouldly;

namespace Marketplace.Skills.Tests;

/// <summary>The indexes' top-k equals scoring every pair (brute force), score for score, on random populations.</summary>
public sealed class IndexTests
{
    private static readonly Taxonomy.SkillTaxonomy T = TestTaxonomy.Value;
    private static readonly Scorer Scorer = new(T);

    private static List<RankedMatch> BruteForce<TItem>(IEnumerable<TItem> items, Func<TItem, string> id, Func<TItem, double> score, int k) =>
        [.. items.Select(x => new RankedMatch(id(x), score(x))).OrderByDescending(r => r.Score).ThenBy(r => r.Id, StringComparer.Ordinal).Take(k)];

    [Fact]
    public void Top_k_profiles_for_a_posting_equals_brute_force()
    {
        Gen.Select(Generators.Population, Gen.Int[1, 15]).Sample((population, k) =>
        {
            var index = ProfileIndex.Build(T, population.Profiles);
            foreach (var posting in population.Postings)
                index.TopK(posting, k).ShouldBe(BruteForce(population.Profiles, p => p.Id, p => Scorer.Score(p, posting), k));
        }, iter: 400);
    }

    [Fact]
    public void Both_query_strategies_of_the_profile_index_equal_brute_force()
    {
        Gen.Select(Generators.Population, Gen.Int[1, 15]).Sample((population, k) =>
        {
            var index = ProfileIndex.Build(T, population.Profiles);
            foreach (var posting in population.Postings)
            {
                var expected = BruteForce(population.Profiles, p => p.Id, p => Scorer.Score(p, posting), k);
                var compiled = new CompiledPosting(posting, T);
                index.TopKWalk(compiled, k).ShouldBe(expected);
                index.TopKDense(compiled, k).ShouldBe(expected);
            }
        }, iter: 400);
    }

    [Fact]
    public void Top_k_postings_for_a_profile_equals_brute_force()
    {
        Gen.Select(Generators.Population, Gen.Int[1, 6]).Sample((population, k) =>
        {
            var index = PostingIndex.Build(T, population.Postings);
            foreach (var profile in population.Profiles)
                index.TopK(profile, k).ShouldBe(BruteForce(population.Postings, j => j.Id, j => Scorer.Score(profile, j), k));
        }, iter: 400);
    }

    [Fact]
    public void The_full_rematch_equals_the_single_queries()
    {
        Gen.Select(Generators.Population, Gen.Int[1, 4]).Sample((population, parts) =>
        {
            var profiles = ProfileIndex.Build(T, population.Profiles);
            var postings = PostingIndex.Build(T, population.Postings);
            var all = Rematch.All(profiles, postings, 5, 3, parts);
            foreach (var j in population.Postings) all.CandidatesByPosting[j.Id].ShouldBe(profiles.TopK(j, 5));
            foreach (var p in population.Profiles) all.PostingsByProfile[p.Id].ShouldBe(postings.TopK(p, 3));
        }, iter: 300);
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
    }

    [Fact]
    public void Duplicate_ids_are_rejected() =>
        Should.Throw<ArgumentException>(() => ProfileIndex.Build(T, [new Profile("a", []), new Profile("a", [])])).Message.ShouldContain("duplicate profile id 'a'");
}
