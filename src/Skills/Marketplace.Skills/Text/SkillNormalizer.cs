using System.Collections.Frozen;
using System.Text.RegularExpressions;
using Marketplace.Skills.Taxonomy;

namespace Marketplace.Skills.Text;

/// <summary>Maps one explicit skill mention to its canonical skills: exact alias key first, then without versions, vendor prefix and plural, then its parts (compound mentions); never a fuzzy guess.</summary>
public sealed partial class SkillNormalizer
{
    /// <summary>Leading vendor names that O*NET and job ads put before product names.</summary>
    public static readonly FrozenSet<string> VendorPrefixes = new[]
    {
        "microsoft", "ms", "oracle", "amazon", "aws", "apache", "google", "ibm", "the", "red hat", "redhat", "adobe",
        "hashicorp", "jetbrains", "atlassian", "vmware", "pivotal", "elastic", "sap", "salesforce", "mongodb", "docker",
        "github", "gitlab", "meta", "facebook", "netflix", "cloudflare", "confluent", "grafana", "datadog", "progress", "eclipse",
    }.ToFrozenSet(StringComparer.Ordinal);

    private readonly SkillTaxonomy _taxonomy;
    private readonly FrozenDictionary<string, int> _squashed;

    internal SkillNormalizer(SkillTaxonomy taxonomy)
    {
        _taxonomy = taxonomy;
        // Squashed keys ("c sharp" -> "csharp", "node.js" -> "nodejs") are used only when no two skills share one.
        var squashed = new Dictionary<string, int>(StringComparer.Ordinal);
        var clashes = new HashSet<string>(StringComparer.Ordinal);
        foreach (var (key, entry) in taxonomy.AliasKeys)
        {
            string s = Squash(key);
            if (s.Length < 3) continue;
            if (squashed.TryGetValue(s, out int other) && other != entry.Skill) clashes.Add(s);
            else squashed[s] = entry.Skill;
        }
        foreach (string c in clashes) squashed.Remove(c);
        _squashed = squashed.ToFrozenDictionary(StringComparer.Ordinal);
        _writtenWithSeparator = taxonomy.Skills.SelectMany(taxonomy.AliasesOf)
            .Where(a => a.Text.AsSpan().IndexOfAny(SoftSeparators) >= 0).Select(a => a.Key).ToFrozenSet(StringComparer.Ordinal);
    }

    // Aliases written with a separator ("GitLab CI/CD", "shadcn/ui") are one skill even where each part is a skill too.
    private readonly FrozenSet<string> _writtenWithSeparator;

    /// <summary>How many tokens a separator-free part may have for it to be read as skills written side by side ("C# .NET").</summary>
    private const int MaxCoverTokens = 12;

    /// <summary>The skills a mention names, in the order they appear, each once; empty when nothing in it is known.</summary>
    public IReadOnlyList<Skill> Normalize(string? mention)
    {
        var parts = NormalizeParts(mention);
        if (parts.Count == 1) return parts[0].Skill is { } only ? [only] : [];
        var skills = new List<Skill>(parts.Count);
        foreach (var part in parts)
            if (part.Skill is { } skill && !skills.Contains(skill)) skills.Add(skill);
        return skills;
    }

    /// <summary>The one skill a mention names; null when it is unknown or names several ("C#/.NET").</summary>
    public Skill? NormalizeOne(string? mention) => Normalize(mention) is [var one] ? one : null;

    /// <summary>
    /// The parts of a mention and the skill each names (null when unknown): the whole mention when it is an alias, else its
    /// parts split at separators ("/", ",", ";", "&amp;", "+", "and", "or", brackets), where items in brackets after a head are
    /// tried with the head first ("AWS (Lambda, SQS)" -> AWS, AWS Lambda, Amazon SQS).
    /// </summary>
    public IReadOnlyList<MentionPart> NormalizeParts(string? mention)
    {
        if (string.IsNullOrWhiteSpace(mention)) return [];
        string text = SafeNfkc(mention);
        var tokens = Tokenizer.Tokenize(text);
        if (tokens.Count == 0) return [];
        var all = tokens.Select(t => t.Text).ToList();
        if (_taxonomy.NotSkillKeys.Count > 0 && _taxonomy.NotSkillKeys.Contains(string.Join(' ', all))) return [new MentionPart(mention.Trim(), null)];
        var segments = Segment(text, tokens);
        segments.RemoveAll(s => s.Tokens.All(FillerWords.Contains) && segments.Count > 1);
        if (segments.Count == 0) return [new MentionPart(mention.Trim(), null)];
        if (NormalizeWhole(all) is { } whole && !(segments.Count > 1 && VendorIsWholePart(all, segments[0].Tokens.Count)))
        {
            // "React/Redux" and "Dagger/Hilt" are keys of one library's name, but written with a separator they name each part.
            if (segments.Count > 1 && Joinable(segments, 0, segments.Count - 1) && !_writtenWithSeparator.Contains(string.Join(' ', all)) && Split(text, tokens, segments, join: false) is var peers
                && peers.All(p => p.Skill is not null) && peers.Any(p => p.Skill == whole) && peers.Select(p => p.Skill).Distinct().Count() > 1)
                return Distinct(peers);
            return [new MentionPart(mention.Trim(), whole)];
        }
        return Split(text, tokens, segments, join: true);
    }

    private static List<MentionPart> Distinct(List<MentionPart> parts)
    {
        var seen = new HashSet<Skill>();
        return [.. parts.Where(p => p.Skill is null || seen.Add(p.Skill))];
    }

    private List<MentionPart> Split(string text, List<Token> tokens, List<MentionSegment> segments, bool join)
    {
        var parts = new List<MentionPart>(segments.Count);
        var ambiguousParts = new List<int>();
        int i = 0;
        while (i < segments.Count)
        {
            var seg = segments[i];
            // Segments joined by a soft separator may form one alias ("PL/SQL", "TCP/IP", "A/B testing"): longest first.
            int taken = 1;
            Skill? skill = null;
            for (int j = segments.Count - 1; join && j > i && skill is null; j--)
            {
                if (!Joinable(segments, i, j)) continue;
                var joined = segments.Skip(i).Take(j - i + 1).SelectMany(s => s.Tokens).ToList();
                if (seg.Head is { } head && NormalizeWhole([.. head, .. joined]) is { } withHead) { skill = withHead; taken = j - i + 1; }
                else if (NormalizeWhole(joined) is { } found && !VendorIsWholePart(joined, seg.Tokens.Count)) { skill = found; taken = j - i + 1; }
            }
            if (skill is not null)
            {
                parts.Add(new MentionPart(Text(text, tokens, seg.First, segments[i + taken - 1].Last), skill));
                i += taken;
                continue;
            }
            string partText = Text(text, tokens, seg.First, seg.Last);
            bool ambiguous = false;
            var single = (seg.Head is { } h ? NormalizeWhole([.. h, .. seg.Tokens]) : null) ?? NormalizeWhole(seg.Tokens, out ambiguous);
            if (single is not null && ambiguous) { parts.Add(new MentionPart(partText, single)); ambiguousParts.Add(parts.Count - 1); }
            else if (single is not null) parts.Add(new MentionPart(partText, single));
            else if (Cover(seg.Tokens) is { } covered) parts.AddRange(covered.Select(c => new MentionPart(Text(text, tokens, seg.First + c.From, seg.First + c.To), c.Skill)));
            else if (SharedHead(segments, i) is { } headed) parts.Add(new MentionPart(partText, headed));
            else parts.Add(new MentionPart(partText, null));
            i++;
        }
        // An ordinary word ("go", "spring") counts as a part only when every other part is a skill too: "Go and Rust", not "go and see".
        if (ambiguousParts.Count > 0 && parts.Any(p => p.Skill is null))
            foreach (int k in ambiguousParts) parts[k] = parts[k] with { Skill = null };
        return parts;
    }

    // "unit and integration testing", "relational and NoSQL databases": a part before the last may share the last part's head noun.
    private Skill? SharedHead(List<MentionSegment> segments, int i)
    {
        var last = segments[^1];
        if (i == segments.Count - 1 || last.Level != segments[i].Level) return null;
        for (int n = 1; n <= 2 && n < last.Tokens.Count; n++)
            if (NormalizeWhole([.. segments[i].Tokens, .. last.Tokens.Skip(last.Tokens.Count - n)]) is { } skill) return skill;
        return null;
    }

    // "AWS/Azure" and "Oracle/SQL Server" name two skills: a vendor that is a whole part is not a prefix of the next one ("Oracle PL/SQL" is one).
    private bool VendorIsWholePart(List<string> joined, int firstPartTokens) =>
        StripVendor(joined) is { } devendored && joined.Count - devendored.Count >= firstPartTokens
        && _taxonomy.AliasKeys.ContainsKey(string.Join(' ', joined.Take(firstPartTokens)));

    // Only soft separators ("/", "&", "+", "-") may be read through; a comma, "and" or a bracket always ends a part.
    private static bool Joinable(List<MentionSegment> segments, int from, int to)
    {
        for (int k = from + 1; k <= to; k++)
            if (!segments[k].AfterSoft || segments[k].Level != segments[from].Level) return false;
        return true;
    }

    // Tokens that are all known skills side by side ("C# .NET", "Java Spring Boot"): greedy longest from the left, every token covered.
    private List<(int From, int To, Skill Skill)>? Cover(List<string> tokens)
    {
        if (tokens.Count < 2 || tokens.Count > MaxCoverTokens) return null;
        var result = new List<(int, int, Skill)>();
        int i = 0;
        while (i < tokens.Count)
        {
            int j = tokens.Count - 1;
            Skill? found = null;
            for (; j >= i; j--)
                if ((found = NormalizeWhole(tokens.GetRange(i, j - i + 1))) is not null) break;
            if (found is null) return null;
            result.Add((i, j, found));
            i = j + 1;
        }
        return result;
    }

    private static string Text(string text, List<Token> tokens, int first, int last) =>
        text[tokens[first].Start..tokens[last].End];

    private static List<MentionSegment> Segment(string text, List<Token> tokens)
    {
        var segments = new List<MentionSegment>();
        var heads = new Stack<List<string>?>();
        List<string>? head = null;
        MentionSegment? current = null;
        for (int k = 0; k < tokens.Count; k++)
        {
            var t = tokens[k];
            string gap = k == 0 ? "" : text[tokens[k - 1].End..t.Start];
            bool open = gap.IndexOfAny(OpenBrackets) >= 0, close = gap.IndexOfAny(CloseBrackets) >= 0;
            bool hard = open || close || gap.IndexOfAny(HardSeparators) >= 0;
            bool soft = !hard && gap.IndexOfAny(SoftSeparators) >= 0;
            if (close) head = heads.Count > 0 ? heads.Pop() : null;
            if (open) { heads.Push(head); head = current?.Tokens; }
            if (t.Text is "and" or "or" && k > 0 && k < tokens.Count - 1) { current = null; continue; }
            if (current is null || hard || soft)
            {
                current = new MentionSegment(k, heads.Count, head, soft && current is not null);
                segments.Add(current);
            }
            current.Tokens.Add(t.Text);
            current.Last = k;
        }
        return segments;
    }

    private static readonly char[] OpenBrackets = ['(', '['];
    private static readonly char[] CloseBrackets = [')', ']'];
    private static readonly char[] HardSeparators = [',', ';', '|', '\n', '\r', ':'];
    private static readonly char[] SoftSeparators = ['/', '&', '+'];

    private static string SafeNfkc(string s)
    {
        try { return s.IsNormalized(System.Text.NormalizationForm.FormKC) ? s : s.Normalize(System.Text.NormalizationForm.FormKC); }
        catch (ArgumentException) { return s; }
    }

    private sealed class MentionSegment(int first, int level, List<string>? head, bool afterSoft)
    {
        public int First { get; } = first;
        public int Last { get; set; } = first;
        public int Level { get; } = level;
        public List<string>? Head { get; } = head;
        public bool AfterSoft { get; } = afterSoft;
        public List<string> Tokens { get; } = [];
    }

    // The whole of one part: exact key, then without versions, vendor prefix and plural; never a fuzzy guess.
    private Skill? NormalizeWhole(List<string> tokens) => NormalizeWhole(tokens, out _);

    private Skill? NormalizeWhole(List<string> tokens, out bool ambiguous)
    {
        ambiguous = false;
        if (tokens.Count == 0) return null;
        if (Lookup(tokens, out ambiguous) is { } skill) return skill;
        if (WithoutGenericWords(tokens) is not { } plain) return null;
        // No plural forms here: "dynamic skills" is not Dynamics.
        var found = Lookup(plain, out ambiguous, plurals: plain[^1] == "databases");
        // "AWS services" is Amazon's cloud; "back-end services" or "security services" name no one skill.
        return found is not null && tokens[^1] is "services" or "service" && found.Category != "cloud" ? null : found;
    }

    private Skill? Lookup(List<string> tokens, out bool ambiguous, bool plurals = true)
    {
        ambiguous = false;
        foreach (var candidate in Candidates(tokens, plurals))
        {
            string key = string.Join(' ', candidate);
            if (_taxonomy.AliasKeys.TryGetValue(key, out var entry)) { ambiguous = entry.Ambiguous; return _taxonomy[entry.Skill]; }
            if (_squashed.TryGetValue(Squash(key), out int skill)) return _taxonomy[skill];
        }
        return null;
    }

    // "Power BI reports", "DAX queries", "Kubernetes environments", "modern JavaScript": a closed list of words that qualify a skill
    // without naming another. Job words ("developer", "engineer") and phrases ("experience with") are not on it.
    internal static List<string>? WithoutGenericWords(List<string> tokens)
    {
        if (tokens.Count >= 2 && tokens[^1] is "db" or "dbs") return [.. tokens.Take(tokens.Count - 1), "databases"];
        int from = 0, to = tokens.Count;
        if (to - from >= 2 && LeadingModifiers.Contains(tokens[from])) from++;
        if (to - from >= 2 && TrailingHeads.Contains(tokens[to - 1])) to--;
        if (to - from >= 2 && tokens[to - 1] is "based" or "related" or "driven") to--;
        return from == 0 && to == tokens.Count ? null : tokens.GetRange(from, to - from);
    }

    private static readonly FrozenSet<string> LeadingModifiers = new[]
    {
        "modern", "advanced", "native", "vanilla", "plain", "basic", "strong",
    }.ToFrozenSet(StringComparer.Ordinal);

    private static readonly FrozenSet<string> TrailingHeads = new[]
    {
        "report", "reports", "reporting", "query", "queries", "script", "scripts", "environment", "environments", "ecosystem",
        "ecosystems", "stack", "framework", "frameworks", "platform", "platforms", "technology", "technologies", "tool", "tools",
        "tooling", "toolset", "toolsets", "application", "applications", "app", "apps", "development", "programming", "coding", "code",
        "codebase", "codebases", "concept", "concepts", "practice", "practices", "methodology",
        "methodologies", "method", "methods", "process", "processes", "approach", "approaches", "fundamentals", "basics", "model", "models", "modelling",
        "skills", "knowledge", "expertise", "experience", "projects", "solutions", "components", "services", "service", "ide",
        "library", "libraries", "sdk", "sdks", "api", "apis", "workflows", "workflow", "pipelines", "pipeline", "automation",
        "infrastructure", "suite", "systems", "system", "language", "languages", "design", "designs", "patterns",
        "implementation", "implementations", "integration", "integrations", "administration", "configuration", "deployment",
        "deployments", "cluster", "clusters", "instances", "cli", "console",
    }.ToFrozenSet(StringComparer.Ordinal);

    // Parts that only qualify the others: "Excel (advanced)", "Java, Python, etc.", "Kafka (or similar)".
    private static readonly FrozenSet<string> FillerWords = new[]
    {
        "etc", "e.g", "eg", "i.e", "ie", "similar", "equivalent", "others", "other", "preferred", "plus", "a", "advanced", "basic",
        "intermediate", "expert", "nice", "to", "have", "required", "desired", "desirable", "ideally", "optional", "beneficial", "bonus",
        "any", "is", "the", "like", "such", "as", "strongly", "highly", "at", "least", "one", "of", "more",
    }.ToFrozenSet(StringComparer.Ordinal);

    private static IEnumerable<List<string>> Candidates(List<string> tokens, bool plurals)
    {
        yield return tokens;
        var unversioned = StripVersions(tokens);
        if (unversioned is not null) yield return unversioned;
        foreach (var form in new[] { tokens, unversioned })
        {
            if (form is null) continue;
            var devendored = StripVendor(form);
            if (devendored is not null)
            {
                yield return devendored;
                var again = StripVersions(devendored);
                if (again is not null) yield return again;
            }
        }
        if (!plurals) yield break;
        foreach (var form in new[] { tokens, unversioned, unversioned is null ? StripVendor(tokens) : StripVendor(unversioned) })
        {
            if (form is null) continue;
            foreach (var plural in PluralForms(form)) yield return plural;
        }
    }

    // Trailing version tokens ("17", "3.11", "v8.0", "2019", "lts") and glued versions ("python3", "c++17", "html5").
    internal static List<string>? StripVersions(List<string> tokens)
    {
        var result = new List<string>(tokens);
        bool changed = false;
        while (result.Count > 1 && VersionToken().IsMatch(result[^1])) { result.RemoveAt(result.Count - 1); changed = true; }
        var glued = GluedVersion().Match(result[^1]);
        if (glued.Success && glued.Groups[1].Length >= 1)
        {
            result[^1] = glued.Groups[1].Value;
            changed = true;
            while (result.Count > 1 && VersionToken().IsMatch(result[^1])) result.RemoveAt(result.Count - 1);
        }
        return changed ? result : null;
    }

    private static List<string>? StripVendor(List<string> tokens)
    {
        if (tokens.Count >= 3 && VendorPrefixes.Contains(tokens[0] + " " + tokens[1])) return tokens.Skip(2).ToList();
        if (tokens.Count >= 2 && VendorPrefixes.Contains(tokens[0])) return tokens.Skip(1).ToList();
        return null;
    }

    private static IEnumerable<List<string>> PluralForms(List<string> tokens)
    {
        string last = tokens[^1];
        if (last.Length < 4 || !char.IsLetter(last[^1])) yield break;
        if (last.EndsWith("ies", StringComparison.Ordinal)) yield return With(tokens, last[..^3] + "y");
        if (last.EndsWith("es", StringComparison.Ordinal)) yield return With(tokens, last[..^2]);
        if (last.EndsWith('s') && !last.EndsWith("ss", StringComparison.Ordinal)) yield return With(tokens, last[..^1]);
        else yield return With(tokens, last + "s");

        static List<string> With(List<string> tokens, string last) => [.. tokens.Take(tokens.Count - 1), last];
    }

    internal static string Squash(string key)
    {
        Span<char> buffer = key.Length <= 256 ? stackalloc char[key.Length] : new char[key.Length];
        int n = 0;
        for (int i = 0; i < key.Length; i++)
        {
            char c = key[i];
            if (c == ' ' || (c == '.' && i > 0)) continue;
            buffer[n++] = c;
        }
        return new string(buffer[..n]);
    }

    [GeneratedRegex(@"^(v?\d+(\.\d+)*(\.x)?[a-z]?|lts|x)$")]
    private static partial Regex VersionToken();

    [GeneratedRegex(@"^([a-z][a-z.+#]*[a-z+#])v?\d+(\.\d+)*$")]
    private static partial Regex GluedVersion();
}

/// <summary>One part of a mention as written, and the skill it names (null when unknown).</summary>
public sealed record MentionPart(string Text, Skill? Skill);
