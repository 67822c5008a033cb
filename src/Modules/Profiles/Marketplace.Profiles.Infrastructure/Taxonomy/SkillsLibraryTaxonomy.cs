using Marketplace.Profiles.Application.Taxonomy;
using Marketplace.Matching.Contracts.Taxonomy;
using Marketplace.Skills.Taxonomy;

namespace Marketplace.Profiles.Infrastructure.Taxonomy;

/// <summary>
/// <see cref="ITaxonomy"/> over the shared taxonomy (the matching module's skills facade). The admins' queue of unrecognised
/// mentions is the matching module's alone, fed by the ProfileChanged events.
/// </summary>
internal sealed class SkillsLibraryTaxonomy(ISkillsFacade shared) : ITaxonomy
{
    // The taxonomy every module shares (the embedded one with the admins' overlay), read once per question.
    private SkillTaxonomy Skills => shared.Current;

    public TaxonomySkill? Find(string skillId) => Skills.Find(skillId) is { } skill ? ToDto(skill) : null;

    public IReadOnlyList<MentionPart> Resolve(string mention)
    {
        var parts = Skills.NormalizeParts(mention);
        return parts.Count == 0
            ? [new MentionPart(mention.Trim(), null)]
            : [.. parts.Select(p => new MentionPart(p.Text.Trim(), p.Skill is { } skill ? ToDto(skill) : null))];
    }

    public IReadOnlyList<SkillSuggestion> Suggest(string text, int limit) =>
        [.. Skills.Suggest(text, limit).Select(s => new SkillSuggestion(ToDto(s.Skill), s.MatchedText, s.Match.ToString()))];

    public IReadOnlyList<FoundMention> Extract(string text) =>
        [.. Skills.Extract(text).Select(m => new FoundMention(ToDto(m.Skill), m.Start, m.Length, m.Text))];

    private static TaxonomySkill ToDto(Skill skill) => new(skill.Id, skill.Name, skill.Category);
}
