using System.Collections.Frozen;
using Marketplace.Skills.Taxonomy;
using Marketplace.Skills.Text;

namespace Marketplace.Skills.Extraction;

/// <summary>Finds skills in free text: longest match of multi-word aliases over tech-aware tokens; ambiguous aliases ("Go", "Spring") need a proper-noun casing and tech context nearby.</summary>
public sealed class SkillExtractor
{
    /// <summary>How many tokens either side of an ambiguous mention are searched for evidence.</summary>
    public const int EvidenceWindow = 8;

    /// <summary>Words that make a nearby ambiguous mention a technology.</summary>
    public static readonly FrozenSet<string> ContextWords = new[]
    {
        "experience", "experienced", "years", "yrs", "year", "developer", "developers", "development", "engineer", "engineers",
        "engineering", "programming", "programmer", "programmers", "stack", "stacks", "lang", "language", "languages",
        "framework", "frameworks", "library", "libraries", "proficient", "proficiency", "backend", "frontend", "fullstack",
        "coding", "code", "codebase", "microservice", "microservices", "api", "apis", "sdk", "runtime", "devops", "skills",
        "expertise", "expert", "written", "compiler", "toolchain", "deployment", "deployments", "orchestration",
        "configuration", "provisioning", "web", "server", "servers", "services", "app", "apps", "application", "applications",
        "cluster", "clusters", "repository", "repositories", "tech", "technologies", "technology", "software",
    }.ToFrozenSet(StringComparer.Ordinal);

    private readonly SkillTaxonomy _taxonomy;
    private readonly TrieNode _root = new();

    internal SkillExtractor(SkillTaxonomy taxonomy)
    {
        _taxonomy = taxonomy;
        foreach (var (key, entry) in taxonomy.AliasKeys)
        {
            var node = _root;
            foreach (string token in key.Split(' ')) node = node.Child(token);
            node.Terminal = entry;
        }
    }

    /// <summary>Mentions in text order; empty for empty text.</summary>
    public IReadOnlyList<SkillMention> Extract(string? text)
    {
        if (string.IsNullOrEmpty(text)) return [];
        var tokens = Tokenizer.Tokenize(text);
        var candidates = new List<Candidate>();
        int i = 0;
        while (i < tokens.Count)
        {
            var found = MatchesAt(tokens, i);
            if (found.Count == 0) { i++; continue; }
            candidates.Add(new Candidate(i, found));
            i += found[0].Tokens;
        }

        var anchors = new List<int>();
        foreach (var c in candidates)
            if (!c.Matches[0].Entry.Ambiguous) anchors.Add(c.Token);

        var result = new List<SkillMention>(candidates.Count);
        foreach (var c in candidates)
        {
            foreach (var m in c.Matches)
            {
                if (m.Entry.Ambiguous && !HasEvidence(text, tokens, c.Token, m.Tokens, anchors)) continue;
                int start = tokens[c.Token].Start;
                int end = tokens[c.Token + m.Tokens - 1].End;
                result.Add(new SkillMention(_taxonomy[m.Entry.Skill], start, end - start, text.Substring(start, end - start)));
                break;
            }
        }
        return result;
    }

    /// <summary>The distinct skills mentioned, in order of first mention.</summary>
    public IReadOnlyList<Skill> ExtractSkills(string? text) => [.. Extract(text).Select(m => m.Skill).Distinct()];

    // Every alias that ends a path from token i, longest first.
    private List<Match> MatchesAt(List<Token> tokens, int i)
    {
        var matches = new List<Match>(1);
        var node = _root;
        for (int j = i; j < tokens.Count; j++)
        {
            var next = node.Find(tokens[j].Text);
            if (next is null) break;
            node = next;
            if (node.Terminal is { } entry) matches.Add(new Match(entry, j - i + 1));
        }
        if (matches.Count == 0)
        {
            // A glued version or a plural on a one-token mention: "Python3", "HTML5", "microservices".
            string t = tokens[i].Text;
            foreach (string variant in Variants(t))
                if (_root.Find(variant)?.Terminal is { } entry) { matches.Add(new Match(entry, 1)); break; }
        }
        matches.Reverse();
        return matches;
    }

    private static IEnumerable<string> Variants(string token)
    {
        if (token.Length >= 3 && char.IsDigit(token[^1]))
        {
            var stripped = SkillNormalizer.StripVersions([token]);
            if (stripped is { Count: 1 } && stripped[0].Length >= 2) yield return stripped[0];
        }
        if (token.Length >= 4 && token[^1] == 's' && token[^2] != 's' && char.IsLetter(token[^2])) yield return token[..^1];
    }

    private bool HasEvidence(string text, List<Token> tokens, int at, int length, List<int> anchors)
    {
        char first = text[tokens[at].Start];
        if (!char.IsUpper(first)) return false;
        int from = Math.Max(0, at - EvidenceWindow), to = Math.Min(tokens.Count - 1, at + length - 1 + EvidenceWindow);
        foreach (int a in anchors)
            if (a >= from && a <= to && (a < at || a >= at + length)) return true;
        for (int k = from; k <= to; k++)
        {
            if (k >= at && k < at + length) continue;
            if (ContextWords.Contains(tokens[k].Text)) return true;
        }
        return false;
    }

    private readonly record struct Match(AliasEntry Entry, int Tokens);

    private sealed record Candidate(int Token, List<Match> Matches);

    private sealed class TrieNode
    {
        private Dictionary<string, TrieNode>? _children;

        public AliasEntry? Terminal { get; set; }

        public TrieNode Child(string token)
        {
            _children ??= new Dictionary<string, TrieNode>(StringComparer.Ordinal);
            if (!_children.TryGetValue(token, out var child)) _children[token] = child = new TrieNode();
            return child;
        }

        public TrieNode? Find(string token) => _children is not null && _children.TryGetValue(token, out var child) ? child : null;
    }
}
