namespace Marketplace.Skills.Taxonomy;

/// <summary>A canonical skill of a loaded taxonomy; <see cref="Index"/> is its dense position in that taxonomy.</summary>
public sealed class Skill
{
    internal Skill(int index, string id, string name, string category, long popularity)
    {
        Index = index;
        Id = id;
        Name = name;
        Category = category;
        Popularity = popularity;
    }

    public int Index { get; }
    public string Id { get; }
    public string Name { get; }
    public string Category { get; }
    public long Popularity { get; }

    /// <summary>Whether the skill's category is part of the backend core rather than a skill next to it (mobile, CRM, office tools...).</summary>
    public bool IsBackendCore => SkillCategories.Find(Category)?.IsBackendCore ?? false;

    public override string ToString() => Id;
}

/// <summary>How one skill gives credit for another: itself, by implication (having Source implies the target) or by relation.</summary>
public enum CreditKind
{
    Direct,
    Inferred,
    Related,
}

/// <summary>A skill that earns credit for a required skill, with the coefficient it earns (1 for the skill itself).</summary>
public readonly record struct CreditSource(int SkillIndex, double Coefficient, CreditKind Kind, double Similarity);
