namespace Marketplace.Skills.Taxonomy;

/// <summary>One skill as written in a taxonomy data file (the agreed JSON format).</summary>
public sealed record SkillDefinition
{
    public required string Id { get; init; }
    public required string Name { get; init; }
    public required string Category { get; init; }
    public IReadOnlyList<string> Aliases { get; init; } = [];
    public IReadOnlyList<string> AmbiguousAliases { get; init; } = [];
    public IReadOnlyList<string> Implies { get; init; } = [];
    public IReadOnlyList<RelatedDefinition> Related { get; init; } = [];
    public long Popularity { get; init; } = 1;
}

/// <summary>A "related" entry of a skill definition: another skill id and a similarity in (0, 1).</summary>
public sealed record RelatedDefinition(string Id, double Similarity);

/// <summary>A taxonomy data file: its source note and its skills.</summary>
public sealed record TaxonomyFile
{
    public string? Source { get; init; }
    public IReadOnlyList<SkillDefinition> Skills { get; init; } = [];
}
