using System.Collections.Frozen;
using System.Reflection;
using Marketplace.Skills.Extraction;
using Marketplace.Skills.Text;

namespace Marketplace.Skills.Taxonomy;

/// <summary>A validated skill taxonomy: skills, aliases, the transitive closure of implications, symmetric relations and credit sources.</summary>
public sealed class SkillTaxonomy
{
    private static readonly Lazy<SkillTaxonomy> EmbeddedTaxonomy = new(LoadEmbedded);

    private readonly FrozenDictionary<string, Skill> _byId;
    private readonly int[][] _impliedClosure;
    private readonly (int Skill, double Similarity)[][] _related;
    private readonly CreditSource[][] _creditSources;
    private readonly IReadOnlyList<AliasInfo>[] _aliases;
    private readonly Lazy<SkillNormalizer> _normalizer;
    private readonly Lazy<SkillExtractor> _extractor;

    internal SkillTaxonomy(
        IReadOnlyList<Skill> skills,
        FrozenDictionary<string, AliasEntry> aliasKeys,
        int[][] impliedClosure,
        (int, double)[][] related,
        IReadOnlyList<AliasInfo>[] aliases,
        IReadOnlyList<string> sources,
        IReadOnlyList<SkillDefinition> definitions,
        FrozenDictionary<string, string> mergedInto,
        FrozenSet<string> notSkillKeys)
    {
        Definitions = definitions;
        MergedInto = mergedInto;
        NotSkillKeys = notSkillKeys;
        Skills = skills;
        AliasKeys = aliasKeys;
        _impliedClosure = impliedClosure;
        _related = related;
        _aliases = aliases;
        Sources = sources;
        _byId = skills.ToFrozenDictionary(s => s.Id, StringComparer.Ordinal);
        _creditSources = BuildCreditSources();
        _normalizer = new Lazy<SkillNormalizer>(() => new SkillNormalizer(this));
        _extractor = new Lazy<SkillExtractor>(() => new SkillExtractor(this));
    }

    /// <summary>The taxonomy embedded in this library (Taxonomy/Data/*.json); throws <see cref="InvalidDataException"/> listing every defect when the data is invalid.</summary>
    public static SkillTaxonomy Embedded => EmbeddedTaxonomy.Value;

    public IReadOnlyList<Skill> Skills { get; }

    /// <summary>The definitions this taxonomy was built from, in index order (an overlay's changes applied).</summary>
    public IReadOnlyList<SkillDefinition> Definitions { get; }

    /// <summary>Ids merged away by an overlay and the skill each now resolves to.</summary>
    public IReadOnlyDictionary<string, string> MergedInto { get; }

    /// <summary>Keys (<see cref="Tokenizer.Key"/>) of the mentions an overlay marked as not a skill.</summary>
    public IReadOnlySet<string> NotSkillKeys { get; }

    /// <summary>Whether an overlay marked this mention as not a skill.</summary>
    public bool IsMarkedNotASkill(string? mention) => NotSkillKeys.Count > 0 && NotSkillKeys.Contains(Tokenizer.Key(mention));

    /// <summary>This taxonomy with the overlay's changes applied in order, validated like the data files; errors name the change and the conflict.</summary>
    public TaxonomyLoadResult WithOverlay(TaxonomyOverlay overlay) => TaxonomyOverlayApplier.Apply(this, overlay);

    /// <summary>The "source" notes of the files the taxonomy was loaded from (credits and licences).</summary>
    public IReadOnlyList<string> Sources { get; }

    /// <summary>Every alias key (the name and each alias, as <see cref="Tokenizer.Key"/> gives it) and the skill it belongs to.</summary>
    internal FrozenDictionary<string, AliasEntry> AliasKeys { get; }

    public int AliasCount => AliasKeys.Count;

    public Skill this[int index] => Skills[index];

    /// <summary>The skill with this id (an id merged away resolves to the skill it was merged into).</summary>
    public bool TryGet(string id, out Skill skill)
    {
        skill = Find(id)!;
        return skill is not null;
    }

    /// <summary>The skill with this id, or null; an id merged away by an overlay resolves to the skill it was merged into.</summary>
    public Skill? Find(string id) =>
        _byId.GetValueOrDefault(id) ?? (MergedInto.Count > 0 && MergedInto.TryGetValue(id, out string? into) ? _byId.GetValueOrDefault(into) : null);

    /// <summary>Typeahead suggestions for what someone is typing in a skill picker (see <see cref="SkillSuggester"/>).</summary>
    public IReadOnlyList<SkillSuggestion> Suggest(string? text, int limit = 8) => SkillSuggester.For(this).Suggest(text, limit);

    /// <summary>The aliases as written in the data (the name first), with their ambiguity flag.</summary>
    public IReadOnlyList<AliasInfo> AliasesOf(Skill skill) => _aliases[skill.Index];

    /// <summary>The skills this skill implies, directly or transitively (not itself).</summary>
    public IReadOnlyList<int> ImpliedBy(Skill skill) => _impliedClosure[skill.Index];

    internal int[] ImpliedClosure(int skill) => _impliedClosure[skill];

    /// <summary>The skills related to this one, with their similarity (symmetric).</summary>
    public IReadOnlyList<(int Skill, double Similarity)> RelatedTo(Skill skill) => _related[skill.Index];

    /// <summary>Every skill that earns credit for <paramref name="required"/> (itself first), with its coefficient.</summary>
    public IReadOnlyList<CreditSource> CreditSourcesFor(int required) => _creditSources[required];

    internal CreditSource[] CreditSourcesArray(int required) => _creditSources[required];

    /// <summary>The canonical skills an explicit mention names, in order ("Java 17" -> Java; "C#/.NET" -> C#, .NET); empty when unknown; never guesses.</summary>
    public IReadOnlyList<Skill> Normalize(string? mention) => _normalizer.Value.Normalize(mention);

    /// <summary>The one canonical skill a mention names ("Java 17", "postgres", "Microsoft ASP.NET"); null when it is unknown or names several.</summary>
    public Skill? NormalizeOne(string? mention) => _normalizer.Value.NormalizeOne(mention);

    /// <summary>The parts of a mention with the skill each names, unknown parts included (null skill), for callers that collect unknown mentions.</summary>
    public IReadOnlyList<MentionPart> NormalizeParts(string? mention) => _normalizer.Value.NormalizeParts(mention);

    /// <summary>Skills mentioned in free text, with their positions; ordinary words that are also skills need evidence.</summary>
    public IReadOnlyList<SkillMention> Extract(string? text) => _extractor.Value.Extract(text);

    private CreditSource[][] BuildCreditSources()
    {
        var result = new CreditSource[Skills.Count][];
        var impliers = new List<int>[Skills.Count];
        for (int s = 0; s < Skills.Count; s++) impliers[s] = [];
        for (int s = 0; s < Skills.Count; s++)
            foreach (int target in _impliedClosure[s]) impliers[target].Add(s);

        for (int r = 0; r < Skills.Count; r++)
        {
            var best = new Dictionary<int, CreditSource> { [r] = new CreditSource(r, 1.0, CreditKind.Direct, 1.0) };
            foreach (int s in impliers[r])
                Offer(best, new CreditSource(s, Scoring.MatchingModel.InferredCredit, CreditKind.Inferred, 0));
            foreach (var (s, similarity) in _related[r])
                Offer(best, new CreditSource(s, Scoring.MatchingModel.RelatedCreditFactor * similarity, CreditKind.Related, similarity));
            result[r] = [.. best.Values.OrderByDescending(c => c.Coefficient).ThenBy(c => c.SkillIndex)];
        }
        return result;

        static void Offer(Dictionary<int, CreditSource> best, CreditSource candidate)
        {
            if (!best.TryGetValue(candidate.SkillIndex, out var current) || candidate.Coefficient > current.Coefficient)
                best[candidate.SkillIndex] = candidate;
        }
    }

    /// <summary>Loads the embedded data files afresh, reporting every error and warning instead of throwing.</summary>
    public static TaxonomyLoadResult LoadEmbeddedResult()
    {
        var assembly = typeof(SkillTaxonomy).Assembly;
        var files = new List<(string, string)>();
        foreach (string name in assembly.GetManifestResourceNames().Where(n => n.StartsWith("Marketplace.Skills.Taxonomy.Data.", StringComparison.Ordinal) && n.EndsWith(".json", StringComparison.Ordinal)).Order(StringComparer.Ordinal))
        {
            using var stream = assembly.GetManifestResourceStream(name)!;
            using var reader = new StreamReader(stream);
            files.Add((name["Marketplace.Skills.Taxonomy.Data.".Length..], reader.ReadToEnd()));
        }
        return TaxonomyLoader.FromJson(files);
    }

    private static SkillTaxonomy LoadEmbedded()
    {
        var result = LoadEmbeddedResult();
        if (!result.IsSuccess)
            throw new InvalidDataException("The embedded skill taxonomy is invalid:" + Environment.NewLine + string.Join(Environment.NewLine, result.Errors.Select(e => " - " + e)));
        return result.Taxonomy!;
    }
}

/// <summary>An alias as written in the data, and whether free-text extraction needs evidence for it.</summary>
public sealed record AliasInfo(string Text, string Key, bool Ambiguous);

internal readonly record struct AliasEntry(int Skill, bool Ambiguous);
