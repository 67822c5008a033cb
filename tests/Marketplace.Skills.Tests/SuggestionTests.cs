using CsCheck;
using Marketplace.Skills.Taxonomy;
using Marketplace.Skills.Text;
using Shouldly;

namespace Marketplace.Skills.Tests;

public sealed class SuggestionTests
{
    private static readonly SkillTaxonomy T = TestTaxonomy.Value;
    private static readonly SkillTaxonomy Embedded = SkillTaxonomy.Embedded;

    [Theory]
    [InlineData("C Sharp", "csharp")]
    [InlineData("c#", "csharp")]
    [InlineData("postgres", "postgresql")]
    [InlineData("postg", "postgresql")]
    [InlineData("k8s", "kubernetes")]
    [InlineData("ASP.NET Core 8", "aspnet-core")]
    [InlineData("asp.net co", "aspnet-core")]
    [InlineData("aspnetc", "aspnet-core")]
    [InlineData("nodej", "nodejs")]
    [InlineData("Golang", "go")]
    [InlineData("Java 17", "java")]
    public void What_people_type_suggests_the_canonical_skill_first(string typed, string expected)
    {
        var suggestions = Embedded.Suggest(typed);

        suggestions.ShouldNotBeEmpty();
        suggestions[0].Skill.Id.ShouldBe(expected);
    }

    [Fact]
    public void An_exact_name_beats_a_more_popular_prefix_match()
    {
        // "Go" is the whole name of one skill and the start of others ("Google Cloud", "GORM").
        var suggestions = Embedded.Suggest("go", 10);

        suggestions[0].Skill.Id.ShouldBe("go");
        suggestions[0].Match.ShouldBe(SuggestionMatch.Exact);
        suggestions.Skip(1).ShouldAllBe(s => s.Match != SuggestionMatch.Exact);
    }

    [Fact]
    public void A_later_word_of_a_name_finds_the_skill()
    {
        var suggestions = T.Suggest("core", 20);

        suggestions.Where(s => s.Skill.Id == "aspnet-core").ShouldHaveSingleItem().Match.ShouldBe(SuggestionMatch.WordPrefix);
    }

    [Fact]
    public void Each_skill_appears_once_with_its_best_match_and_the_limit_holds()
    {
        // "postgres" is an alias of PostgreSQL and the start of "postgre sql", "postgres sql" and others.
        var suggestions = Embedded.Suggest("postgres", 5);

        suggestions.Count.ShouldBeLessThanOrEqualTo(5);
        suggestions.Select(s => s.Skill.Id).ShouldBeUnique();
        suggestions[0].ShouldSatisfyAllConditions(
            s => s.Skill.Id.ShouldBe("postgresql"),
            s => s.Match.ShouldBe(SuggestionMatch.Exact),
            s => s.MatchedText.ShouldBe("postgres"));
    }

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData(null)]
    [InlineData("!!!")]
    public void Nothing_typed_suggests_nothing(string? typed) => Embedded.Suggest(typed).ShouldBeEmpty();

    [Fact]
    public void Text_that_is_no_skill_suggests_nothing() => Embedded.Suggest("zzqx").ShouldBeEmpty();

    [Fact]
    public void Typing_any_name_or_alias_in_full_suggests_its_skill_first_as_exact()
    {
        var misses = new List<string>();
        foreach (var skill in Embedded.Skills)
        {
            foreach (var alias in Embedded.AliasesOf(skill))
            {
                var first = Embedded.Suggest(alias.Text, 1).FirstOrDefault();
                if (first?.Skill != skill || first.Match != SuggestionMatch.Exact) misses.Add($"{alias.Text} -> {first?.Skill.Id ?? "nothing"}");
            }
        }

        misses.ShouldBeEmpty();
    }

    [Fact]
    public void Suggestions_equal_a_brute_force_scan_of_every_alias()
    {
        var alphabet = string.Concat(Embedded.Skills.SelectMany(s => Embedded.AliasesOf(s)).SelectMany(a => a.Key).Distinct().Order());
        var prefixes = Gen.OneOf(
            Gen.Int[0, Embedded.Skills.Count - 1].SelectMany(i =>
            {
                var aliases = Embedded.AliasesOf(Embedded.Skills[i]);
                return Gen.Int[0, aliases.Count - 1].SelectMany(a => Gen.Int[1, aliases[a].Text.Length].Select(n => aliases[a].Text[..n]));
            }),
            Gen.Char[alphabet].Array[1, 5].Select(chars => new string(chars)));

        prefixes.Sample(typed =>
        {
            var expected = BruteForce(typed, 12);
            var actual = Embedded.Suggest(typed, 12).Select(s => (s.Skill.Id, s.Match)).ToList();
            actual.ShouldBe(expected, $"typed '{typed}'");
        }, iter: 500);
    }

    private sealed record AliasRow(Skill Skill, string Key, bool IsName, string Squashed, string[] LaterWords);

    // Each later word with the rest of the key after it, so "open st" finds "talend open studio".
    private static readonly Lazy<AliasRow[]> Rows = new(() =>
    [
        .. Embedded.Skills.SelectMany(skill => Embedded.AliasesOf(skill).Select((alias, a) =>
        {
            var words = alias.Key.Split(' ');
            return new AliasRow(skill, alias.Key, a == 0, Squash(alias.Key), [.. words.Select((_, i) => string.Join(' ', words.Skip(i))).Skip(1)]);
        })),
    ]);

    // Every alias of every skill checked the slow way, with the same ranking rules stated plainly.
    private static List<(string Id, SuggestionMatch Match)> BruteForce(string typed, int limit)
    {
        string query = Tokenizer.Key(typed);
        if (query.Length == 0) return [];
        string squashedQuery = Squash(query);
        var unversioned = StripTrailingVersions(query);
        var best = new Dictionary<Skill, (SuggestionMatch Match, int Length)>();
        foreach (var row in Rows.Value)
        {
            foreach (var match in Matches(row, query, squashedQuery, unversioned))
            {
                if (!best.TryGetValue(row.Skill, out var current) || match < current.Match || (match == current.Match && row.Key.Length < current.Length))
                    best[row.Skill] = (match, row.Key.Length);
            }
        }

        return
        [
            .. best.OrderBy(b => b.Value.Match)
                .ThenByDescending(b => Math.Log10(Math.Max(1, b.Key.Popularity)))
                .ThenBy(b => b.Value.Length)
                .ThenBy(b => b.Key.Index)
                .Take(limit)
                .Select(b => (b.Key.Id, b.Value.Match)),
        ];
    }

    private static bool StartsWith(string text, string prefix) =>
        text.StartsWith(prefix, StringComparison.Ordinal) || (text.Length > 1 && text[0] == '.' && text[1..].StartsWith(prefix, StringComparison.Ordinal));

    private static IEnumerable<SuggestionMatch> Matches(AliasRow row, string query, string squashedQuery, string? unversioned)
    {
        if (row.Key == query || row.Key == unversioned) yield return SuggestionMatch.Exact;
        if (StartsWith(row.Key, query)) yield return row.IsName ? SuggestionMatch.NamePrefix : SuggestionMatch.AliasPrefix;
        if (row.LaterWords.Any(w => StartsWith(w, query))) yield return SuggestionMatch.WordPrefix;
        bool squashedEntry = row.Squashed != row.Key && row.Squashed.Length >= 2;
        if (squashedEntry && row.Squashed.StartsWith(query, StringComparison.Ordinal)) yield return SuggestionMatch.Squashed;
        if (squashedQuery != query && squashedQuery.Length >= 2
            && (StartsWith(row.Key, squashedQuery) || (squashedEntry && row.Squashed.StartsWith(squashedQuery, StringComparison.Ordinal))
                || row.LaterWords.Any(w => StartsWith(w, squashedQuery))))
            yield return SuggestionMatch.Squashed;
    }

    private static string? StripTrailingVersions(string query)
    {
        var tokens = query.Split(' ').ToList();
        bool changed = false;
        while (tokens.Count > 1 && System.Text.RegularExpressions.Regex.IsMatch(tokens[^1], @"^(v?\d[\d.x]*|lts|x)$"))
        {
            tokens.RemoveAt(tokens.Count - 1);
            changed = true;
        }

        return changed ? string.Join(' ', tokens) : null;
    }

    private static string Squash(string key) => key.Replace(" ", "").Replace(".", "");
}
