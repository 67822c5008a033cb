namespace Marketplace.Profiles.Application.Taxonomy;

/// <summary>A canonical skill as the profile pages and the API show it.</summary>
public sealed record TaxonomySkill(string Id, string Name, string Category);

/// <summary>A part of what a seeker wrote ("C#/.NET" has two) and the skill it names, or null when the taxonomy does not know it.</summary>
public sealed record MentionPart(string Text, TaxonomySkill? Skill);

/// <summary>A typeahead suggestion: the skill, the name or alias that matched, and how ("Exact", "NamePrefix"...).</summary>
public sealed record SkillSuggestion(TaxonomySkill Skill, string Matched, string Match);

/// <summary>A skill found in free text, with where it was written (start and length) and the text as written.</summary>
public sealed record FoundMention(TaxonomySkill Skill, int Start, int Length, string Text);

/// <summary>
/// What the Profiles module asks of the skills taxonomy: lookups, resolving what people type, suggestions and extraction from
/// text. The matching module owns the taxonomy (with the admins' overlay) and the queue of unknown mentions, which it fills from
/// the unrecognised skills that ProfileChanged carries: Profiles keeps them on the profile and counts nothing itself.
/// </summary>
public interface ITaxonomy
{
    TaxonomySkill? Find(string skillId);

    /// <summary>The parts of a mention with the skill each names, in order; a single known mention is one part.</summary>
    IReadOnlyList<MentionPart> Resolve(string mention);

    IReadOnlyList<SkillSuggestion> Suggest(string text, int limit);

    IReadOnlyList<FoundMention> Extract(string text);
}
