namespace Marketplace.Skills.Taxonomy;

/// <summary>
/// Changes kept by the application on top of the embedded taxonomy (admins' additions, merges and "not a skill" marks), applied
/// in order by <see cref="SkillTaxonomy.WithOverlay"/>. The library only reads it: storing it is the application's business.
/// </summary>
public sealed record TaxonomyOverlay(IReadOnlyList<TaxonomyChange> Changes)
{
    public static readonly TaxonomyOverlay Empty = new([]);
}

/// <summary>One change of an overlay.</summary>
public abstract record TaxonomyChange
{
    /// <summary>A short description naming the change, used in error messages ("alias 'k8s' of 'nomad'").</summary>
    public abstract string Describe();
}

/// <summary>Adds a skill, validated like a skill of the data files (its aliases, implications and relations included).</summary>
public sealed record AddSkill(SkillDefinition Skill) : TaxonomyChange
{
    public override string Describe() => $"add skill '{Skill.Id}'";
}

/// <summary>Adds an alias to a skill; <paramref name="Ambiguous"/> marks an ordinary word that extraction accepts only with evidence.</summary>
public sealed record AddAlias(string SkillId, string Alias, bool Ambiguous = false) : TaxonomyChange
{
    public override string Describe() => $"alias '{Alias}' of '{SkillId}'";
}

/// <summary>Adds a direct implication: whoever has <paramref name="SkillId"/> has <paramref name="ImpliedId"/>.</summary>
public sealed record AddImplication(string SkillId, string ImpliedId) : TaxonomyChange
{
    public override string Describe() => $"implication '{SkillId}' -> '{ImpliedId}'";
}

/// <summary>Relates two skills with a similarity in (0, 1); symmetric.</summary>
public sealed record AddRelation(string SkillId, string OtherId, double Similarity) : TaxonomyChange
{
    public override string Describe() => $"relation '{SkillId}' ~ '{OtherId}' ({Similarity})";
}

/// <summary>
/// Merges <paramref name="FromId"/> into <paramref name="IntoId"/>: the name and aliases, implications and relations of the first move to
/// the second, skills that implied the first imply the second, and the first id keeps resolving (<see cref="SkillTaxonomy.Find"/>) to the second.
/// </summary>
public sealed record MergeSkills(string FromId, string IntoId) : TaxonomyChange
{
    public override string Describe() => $"merge '{FromId}' into '{IntoId}'";
}

/// <summary>Marks a mention as not a skill: it is removed as an alias if it was one, and <see cref="SkillTaxonomy.IsMarkedNotASkill"/> reports it.</summary>
public sealed record MarkNotASkill(string Mention) : TaxonomyChange
{
    public override string Describe() => $"'{Mention}' is not a skill";
}
