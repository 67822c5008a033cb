using Marketplace.Skills.Taxonomy;

namespace Marketplace.Skills.Extraction;

/// <summary>A skill found in free text: the skill, where (start and length in the original text) and the text as written.</summary>
public sealed record SkillMention(Skill Skill, int Start, int Length, string Text);
