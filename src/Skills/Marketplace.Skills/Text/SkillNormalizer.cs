using System.Collections.Frozen;
using System.Text.RegularExpressions;
using Marketplace.Skills.Taxonomy;

namespace Marketplace.Skills.Text;

/// <summary>Maps one explicit skill mention to its canonical skill: exact alias key first, then without versions, vendor prefix and plural; never a fuzzy guess.</summary>
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
    }

    /// <summary>The canonical skill, or null when the mention is unknown.</summary>
    public Skill? Normalize(string? mention)
    {
        if (string.IsNullOrWhiteSpace(mention)) return null;
        var tokens = Tokenizer.Key(mention).Split(' ', StringSplitOptions.RemoveEmptyEntries).ToList();
        if (tokens.Count == 0) return null;
        foreach (var candidate in Candidates(tokens))
        {
            string key = string.Join(' ', candidate);
            if (_taxonomy.AliasKeys.TryGetValue(key, out var entry)) return _taxonomy[entry.Skill];
            if (_squashed.TryGetValue(Squash(key), out int skill)) return _taxonomy[skill];
        }
        return null;
    }

    private static IEnumerable<List<string>> Candidates(List<string> tokens)
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
