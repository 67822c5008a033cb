using System.Collections.Frozen;
using System.Text.Json;
using System.Text.RegularExpressions;
using Marketplace.Skills.Text;

namespace Marketplace.Skills.Taxonomy;

/// <summary>The outcome of loading a taxonomy: the taxonomy, or every defect found (never only the first).</summary>
public sealed record TaxonomyLoadResult(SkillTaxonomy? Taxonomy, IReadOnlyList<string> Errors, IReadOnlyList<string> Warnings)
{
    public bool IsSuccess => Taxonomy is not null;
}

/// <summary>Builds and validates a <see cref="SkillTaxonomy"/> from JSON texts or from definitions.</summary>
public static partial class TaxonomyLoader
{
    /// <summary>The categories the data format allows (see <see cref="SkillCategories"/>).</summary>
    public static readonly FrozenSet<string> Categories = SkillCategories.All.Select(c => c.Id).ToFrozenSet(StringComparer.Ordinal);

    private static readonly JsonSerializerOptions Json = new()
    {
        PropertyNameCaseInsensitive = true,
        ReadCommentHandling = JsonCommentHandling.Skip,
        AllowTrailingCommas = true,
    };

    /// <summary>Loads one JSON text in the data format.</summary>
    public static TaxonomyLoadResult FromJson(string json) => FromJson([("taxonomy", json)]);

    /// <summary>Loads and merges several JSON texts (file name, content) in the data format.</summary>
    public static TaxonomyLoadResult FromJson(IEnumerable<(string Name, string Json)> files)
    {
        var errors = new List<string>();
        var definitions = new List<(string, SkillDefinition)>();
        var sources = new List<string>();
        foreach (var (name, json) in files)
        {
            TaxonomyFile? file;
            try { file = JsonSerializer.Deserialize<TaxonomyFile>(json, Json); }
            catch (JsonException e) { errors.Add($"{name}: not valid taxonomy JSON ({e.Message})"); continue; }
            if (file is null) { errors.Add($"{name}: empty"); continue; }
            if (!string.IsNullOrWhiteSpace(file.Source)) sources.Add(file.Source);
            foreach (var skill in file.Skills ?? [])
            {
                if (skill is null) { errors.Add($"{name}: a null skill entry"); continue; }
                definitions.Add((name, skill));
            }
        }
        return Build(definitions, sources, errors);
    }

    /// <summary>Loads a taxonomy from definitions built in code.</summary>
    public static TaxonomyLoadResult FromDefinitions(IEnumerable<SkillDefinition> skills) =>
        Build([.. skills.Select(s => ("definitions", s))], [], []);

    internal static TaxonomyLoadResult Build(List<(string File, SkillDefinition Skill)> definitions, List<string> sources, List<string> errors,
        IReadOnlyDictionary<string, string>? mergedInto = null, IReadOnlyCollection<string>? notSkillKeys = null)
    {
        var warnings = new List<string>();
        var skills = new List<Skill>();
        var kept = new List<SkillDefinition>();
        var byId = new Dictionary<string, int>(StringComparer.Ordinal);

        foreach (var (file, d) in definitions)
        {
            if (string.IsNullOrWhiteSpace(d.Id)) { errors.Add($"{file}: a skill without an id (name '{d.Name}')"); continue; }
            if (string.IsNullOrWhiteSpace(d.Name)) { errors.Add($"{file}: skill '{d.Id}' has no name"); continue; }
            if (byId.ContainsKey(d.Id)) { errors.Add($"{file}: duplicate skill id '{d.Id}'"); continue; }
            if (!IdPattern().IsMatch(d.Id)) warnings.Add($"{file}: skill id '{d.Id}' is not lower-case kebab-case ASCII");
            if (d.Category is null || !Categories.Contains(d.Category)) warnings.Add($"{file}: skill '{d.Id}' has unknown category '{d.Category}'");
            if (d.Popularity <= 0) warnings.Add($"{file}: skill '{d.Id}' has a non-positive popularity");
            byId[d.Id] = skills.Count;
            skills.Add(new Skill(skills.Count, d.Id, d.Name, d.Category ?? "", Math.Max(1, d.Popularity)));
            kept.Add(d);
        }

        var aliasKeys = new Dictionary<string, AliasEntry>(StringComparer.Ordinal);
        var aliasOwnerText = new Dictionary<string, string>(StringComparer.Ordinal);
        var aliases = new IReadOnlyList<AliasInfo>[kept.Count];
        var implies = new List<int>[kept.Count];
        var related = new Dictionary<int, double>[kept.Count];
        for (int i = 0; i < kept.Count; i++) related[i] = [];

        for (int i = 0; i < kept.Count; i++)
        {
            var d = kept[i];
            var ambiguousKeys = new HashSet<string>(StringComparer.Ordinal);
            foreach (string a in d.AmbiguousAliases ?? [])
            {
                string key = Tokenizer.Key(a);
                if (key.Length == 0) { errors.Add($"skill '{d.Id}': ambiguous alias '{a}' has no letters or digits"); continue; }
                ambiguousKeys.Add(key);
            }
            var list = new List<AliasInfo>();
            var ownKeys = new HashSet<string>(StringComparer.Ordinal);
            foreach (string text in new[] { d.Name }.Concat(d.Aliases ?? []))
            {
                string key = Tokenizer.Key(text);
                if (key.Length == 0) { errors.Add($"skill '{d.Id}': alias '{text}' has no letters or digits"); continue; }
                if (!ownKeys.Add(key)) continue;
                if (aliasKeys.TryGetValue(key, out var other) && other.Skill != i)
                {
                    errors.Add($"duplicate alias: '{text}' (normalized '{key}') of skill '{d.Id}' is already an alias of '{skills[other.Skill].Id}' ('{aliasOwnerText[key]}')");
                    continue;
                }
                bool ambiguous = ambiguousKeys.Contains(key);
                aliasKeys[key] = new AliasEntry(i, ambiguous);
                aliasOwnerText[key] = text;
                list.Add(new AliasInfo(text, key, ambiguous));
            }
            foreach (string key in ambiguousKeys.Where(k => !ownKeys.Contains(k)))
                warnings.Add($"skill '{d.Id}': ambiguous alias '{key}' is not among its name and aliases; ignored");
            aliases[i] = list;

            implies[i] = [];
            foreach (string target in d.Implies ?? [])
            {
                if (!byId.TryGetValue(target, out int t)) { errors.Add($"skill '{d.Id}' implies unknown skill id '{target}'"); continue; }
                if (t == i) { errors.Add($"skill '{d.Id}' implies itself"); continue; }
                if (!implies[i].Contains(t)) implies[i].Add(t);
            }
            foreach (var r in d.Related ?? [])
            {
                if (r is null || !byId.TryGetValue(r.Id ?? "", out int t)) { errors.Add($"skill '{d.Id}' is related to unknown skill id '{r?.Id}'"); continue; }
                if (t == i) { errors.Add($"skill '{d.Id}' is related to itself"); continue; }
                if (!(r.Similarity > 0 && r.Similarity < 1)) { errors.Add($"skill '{d.Id}' is related to '{r.Id}' with similarity {r.Similarity}, outside (0, 1)"); continue; }
                related[i][t] = Math.Max(related[i].GetValueOrDefault(t), r.Similarity);
                related[t][i] = Math.Max(related[t].GetValueOrDefault(i), r.Similarity);
            }
        }

        var closure = Closure(skills, implies, errors);
        if (errors.Count > 0) return new TaxonomyLoadResult(null, errors, warnings);

        var relatedArrays = related.Select(r => r.OrderBy(p => p.Key).Select(p => (p.Key, p.Value)).ToArray()).ToArray();
        var taxonomy = new SkillTaxonomy(skills, aliasKeys.ToFrozenDictionary(StringComparer.Ordinal), closure!, relatedArrays, aliases, sources,
            kept, (mergedInto ?? new Dictionary<string, string>()).ToFrozenDictionary(StringComparer.Ordinal),
            (notSkillKeys ?? []).ToFrozenSet(StringComparer.Ordinal));
        return new TaxonomyLoadResult(taxonomy, [], warnings);
    }

    // Depth-first search with three colours; a grey node met again closes a cycle, reported with its path.
    private static int[][]? Closure(List<Skill> skills, List<int>[] implies, List<string> errors)
    {
        int n = skills.Count;
        var state = new byte[n];
        var closure = new int[n][];
        var path = new List<int>();
        bool cycle = false;
        for (int i = 0; i < n; i++) Visit(i);
        return cycle ? null : closure;

        void Visit(int s)
        {
            if (state[s] == 2) return;
            if (state[s] == 1)
            {
                int from = path.IndexOf(s);
                errors.Add("implication cycle: " + string.Join(" -> ", path.Skip(from).Append(s).Select(x => skills[x].Id)));
                cycle = true;
                return;
            }
            state[s] = 1;
            path.Add(s);
            var set = new SortedSet<int>();
            foreach (int t in implies[s])
            {
                Visit(t);
                set.Add(t);
                if (closure[t] is { } inner) set.UnionWith(inner);
            }
            set.Remove(s);
            closure[s] = [.. set];
            path.RemoveAt(path.Count - 1);
            state[s] = 2;
        }
    }

    [GeneratedRegex("^[a-z0-9]+([-.][a-z0-9]+)*$")]
    private static partial Regex IdPattern();
}
