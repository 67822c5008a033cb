using System.Runtime.CompilerServices;
using Marketplace.Skills.Taxonomy;

namespace Marketplace.Skills.Text;

/// <summary>How a suggestion matched what was typed, best first.</summary>
public enum SuggestionMatch
{
    /// <summary>The text is the skill's name or one of its aliases (a trailing version is ignored: "ASP.NET Core 8").</summary>
    Exact,

    /// <summary>The skill's name starts with the text.</summary>
    NamePrefix,

    /// <summary>One of the skill's aliases starts with the text.</summary>
    AliasPrefix,

    /// <summary>A later word of the name or an alias starts with the text ("core" for ASP.NET Core).</summary>
    WordPrefix,

    /// <summary>The name or an alias without spaces and dots starts with the text without them ("aspnetc", "nodej").</summary>
    Squashed,
}

/// <summary>One suggested skill: the skill, the name or alias as written in the data that matched, and how.</summary>
public sealed record SkillSuggestion(Skill Skill, string MatchedText, SuggestionMatch Match);

/// <summary>
/// Typeahead over a taxonomy's names and aliases for skill pickers: each skill at most once, ranked by how it matched,
/// then popularity, then the shorter completion. Prefix lookups are binary searches over sorted keys, so an answer takes
/// microseconds whatever the taxonomy's size.
/// </summary>
public sealed class SkillSuggester
{
    public const int MaxLimit = 50;

    private static readonly ConditionalWeakTable<SkillTaxonomy, SkillSuggester> Cache = new();

    private readonly SkillTaxonomy _taxonomy;
    private readonly Entry[] _entries;
    private readonly string[] _keys;
    private readonly Dictionary<string, int> _exact;
    private readonly double[] _popularityRank;

    private SkillSuggester(SkillTaxonomy taxonomy)
    {
        _taxonomy = taxonomy;
        var entries = new List<Entry>();
        _exact = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var skill in taxonomy.Skills)
        {
            var aliases = taxonomy.AliasesOf(skill);
            for (int a = 0; a < aliases.Count; a++)
            {
                string key = aliases[a].Key;
                if (key.Length == 0) continue;
                _exact.TryAdd(key, skill.Index);
                var prefix = a == 0 ? SuggestionMatch.NamePrefix : SuggestionMatch.AliasPrefix;
                entries.Add(new Entry(key, skill.Index, a, prefix, key.Length));
                if (key[0] == '.' && key.Length > 1) entries.Add(new Entry(key[1..], skill.Index, a, prefix, key.Length));
                for (int i = 1; i < key.Length; i++)
                {
                    if (key[i - 1] != ' ') continue;
                    entries.Add(new Entry(key[i..], skill.Index, a, SuggestionMatch.WordPrefix, key.Length));
                    if (key[i] == '.' && i + 1 < key.Length) entries.Add(new Entry(key[(i + 1)..], skill.Index, a, SuggestionMatch.WordPrefix, key.Length));
                }

                string squashed = Squash(key);
                if (squashed.Length >= 2 && squashed != key) entries.Add(new Entry(squashed, skill.Index, a, SuggestionMatch.Squashed, key.Length));
            }
        }

        entries.Sort((x, y) => string.CompareOrdinal(x.Key, y.Key));
        _entries = [.. entries];
        _keys = [.. _entries.Select(e => e.Key)];
        // Popularity spans orders of magnitude: rank by its logarithm so a tie in match kind goes to the skill more people use.
        _popularityRank = [.. taxonomy.Skills.Select(s => Math.Log10(Math.Max(1, s.Popularity)))];
    }

    /// <summary>The suggester of a taxonomy, built once and kept while the taxonomy lives.</summary>
    public static SkillSuggester For(SkillTaxonomy taxonomy) => Cache.GetValue(taxonomy, t => new SkillSuggester(t));

    /// <summary>Up to <paramref name="limit"/> skills for what was typed so far; empty for empty text.</summary>
    public IReadOnlyList<SkillSuggestion> Suggest(string? text, int limit = 8)
    {
        limit = Math.Clamp(limit, 1, MaxLimit);
        string query = Tokenizer.Key(text);
        if (query.Length == 0) return [];

        var best = new Dictionary<int, Candidate>();
        Offer(best, ExactSkill(query));
        Collect(best, query);
        string squashed = Squash(query);
        if (squashed != query && squashed.Length >= 2) Collect(best, squashed, squashedOnly: true);

        var ranked = best.Values.ToList();
        ranked.Sort((x, y) =>
        {
            int byMatch = x.Match.CompareTo(y.Match);
            if (byMatch != 0) return byMatch;
            int byPopularity = _popularityRank[y.Skill].CompareTo(_popularityRank[x.Skill]);
            if (byPopularity != 0) return byPopularity;
            int byLength = x.Length.CompareTo(y.Length);
            return byLength != 0 ? byLength : x.Skill.CompareTo(y.Skill);
        });
        var result = new List<SkillSuggestion>(Math.Min(limit, ranked.Count));
        foreach (var c in ranked)
        {
            if (result.Count == limit) break;
            var skill = _taxonomy[c.Skill];
            result.Add(new SkillSuggestion(skill, _taxonomy.AliasesOf(skill)[c.Alias].Text, c.Match));
        }

        return result;
    }

    private Candidate? ExactSkill(string query)
    {
        if (_exact.TryGetValue(query, out int skill)) return new Candidate(skill, AliasOf(skill, query), SuggestionMatch.Exact, query.Length);
        // "ASP.NET Core 8", "Java 17", "postgres 15.2": the same skill without its trailing version.
        int cut = query.Length;
        while (cut > 0)
        {
            int space = query.LastIndexOf(' ', cut - 1);
            if (space <= 0 || !IsVersion(query.AsSpan(space + 1, cut - space - 1))) break;
            cut = space;
        }

        return cut < query.Length && _exact.TryGetValue(query[..cut], out skill)
            ? new Candidate(skill, AliasOf(skill, query[..cut]), SuggestionMatch.Exact, cut)
            : null;
    }

    private int AliasOf(int skill, string key)
    {
        var aliases = _taxonomy.AliasesOf(_taxonomy[skill]);
        for (int a = 0; a < aliases.Count; a++)
            if (aliases[a].Key == key) return a;
        return 0;
    }

    private void Collect(Dictionary<int, Candidate> best, string prefix, bool squashedOnly = false)
    {
        int i = LowerBound(prefix);
        for (; i < _entries.Length && _keys[i].StartsWith(prefix, StringComparison.Ordinal); i++)
        {
            ref readonly var e = ref _entries[i];
            var match = squashedOnly ? SuggestionMatch.Squashed : e.Kind;
            Offer(best, new Candidate(e.Skill, e.Alias, match, e.Length));
        }
    }

    private static void Offer(Dictionary<int, Candidate> best, Candidate? candidate)
    {
        if (candidate is not { } c) return;
        if (!best.TryGetValue(c.Skill, out var current) || c.Match < current.Match || (c.Match == current.Match && c.Length < current.Length))
            best[c.Skill] = c;
    }

    private int LowerBound(string prefix)
    {
        int lo = 0, hi = _keys.Length;
        while (lo < hi)
        {
            int mid = (lo + hi) >>> 1;
            if (string.CompareOrdinal(_keys[mid], prefix) < 0) lo = mid + 1;
            else hi = mid;
        }

        return lo;
    }

    private static bool IsVersion(ReadOnlySpan<char> token)
    {
        if (token.Length == 0) return false;
        if (token is "lts" or "x") return true;
        int start = token[0] == 'v' ? 1 : 0;
        if (start == token.Length || !char.IsAsciiDigit(token[start])) return false;
        foreach (char c in token[start..])
            if (!char.IsAsciiDigit(c) && c != '.' && c != 'x') return false;
        return true;
    }

    private static string Squash(string key) => key.Replace(" ", "", StringComparison.Ordinal).Replace(".", "", StringComparison.Ordinal);

    private readonly record struct Entry(string Key, int Skill, int Alias, SuggestionMatch Kind, int Length);

    private readonly record struct Candidate(int Skill, int Alias, SuggestionMatch Match, int Length);
}
