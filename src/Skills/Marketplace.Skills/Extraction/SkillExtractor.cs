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
        var gaps = Gaps(text, tokens);
        var candidates = new List<Candidate>();
        TrieNode? head = null;
        int i = 0;
        while (i < tokens.Count)
        {
            // Items in brackets after a skill are tried with it first: "AWS (Lambda, SQS)", "Azure (Functions, Service Bus)".
            if ((gaps[i] & Gap.Close) != 0 || (gaps[i] & Gap.Hard) != 0 && (gaps[i] & Gap.Comma) == 0) head = null;
            if ((gaps[i] & Gap.Open) != 0)
                head = candidates.Count > 0 && candidates[^1] is var last && last.Token + last.Matches[0].Tokens == i ? Walk(tokens, last.Token, last.Matches[0].Tokens) : null;
            var found = head is null ? [] : MatchesFrom(head, tokens, gaps, i);
            if (found.Count == 0) found = MatchesAt(tokens, gaps, i);
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

    [Flags]
    private enum Gap : byte { None = 0, Hard = 1, Open = 2, Close = 4, Comma = 8 }

    private static readonly char[] HardSeparators = [',', ';', '|', '(', ')', '[', ']', '{', '}', '\n', '\r'];

    // What separates each token from the one before it. No alias is read across a comma, a semicolon, a bracket or a line break.
    private static Gap[] Gaps(string text, List<Token> tokens)
    {
        var gaps = new Gap[tokens.Count];
        for (int k = 1; k < tokens.Count; k++)
        {
            var gap = text.AsSpan(tokens[k - 1].End, tokens[k].Start - tokens[k - 1].End);
            if (gap.IndexOfAny(HardSeparators) < 0) continue;
            var g = Gap.Hard;
            if (gap.IndexOfAny('(', '[') >= 0) g |= Gap.Open;
            if (gap.IndexOfAny(')', ']') >= 0) g |= Gap.Close;
            if (gap.Trim().SequenceEqual(",")) g |= Gap.Comma;
            gaps[k] = g;
        }
        return gaps;
    }

    private TrieNode? Walk(List<Token> tokens, int from, int count)
    {
        var node = _root;
        for (int k = from; k < from + count && node is not null; k++) node = node.Find(tokens[k].Text);
        return node;
    }

    // Aliases that continue the head's path with the tokens from i ("aws" + "lambda"), longest first.
    private static List<Match> MatchesFrom(TrieNode head, List<Token> tokens, Gap[] gaps, int i)
    {
        var matches = new List<Match>(1);
        var node = head;
        for (int j = i; j < tokens.Count; j++)
        {
            if (j > i && gaps[j] != Gap.None) break;
            node = node.Find(tokens[j].Text);
            if (node is null) break;
            if (node.Terminal is { } entry) matches.Add(new Match(entry, j - i + 1));
        }
        matches.Reverse();
        return matches;
    }

    // Every alias that ends a path from token i, longest first.
    private List<Match> MatchesAt(List<Token> tokens, Gap[] gaps, int i)
    {
        var matches = new List<Match>(1);
        var node = _root;
        for (int j = i; j < tokens.Count; j++)
        {
            if (j > i && gaps[j] != Gap.None) break;
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
        // A capital at the start of a sentence says nothing ("Excel in a team"): there only another skill nearby is evidence.
        if (StartsSentence(text, tokens[at].Start)) return false;
        for (int k = from; k <= to; k++)
        {
            if (k >= at && k < at + length) continue;
            if (ContextWords.Contains(tokens[k].Text)) return true;
        }
        return false;
    }

    private static bool StartsSentence(string text, int start)
    {
        int k = start - 1;
        while (k >= 0 && text[k] is ' ' or '\t' or '"' or '\'' or '\u201C') k--;
        return k < 0 || (text[k] is '.' or '!' or '?' && k < start - 1);
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
