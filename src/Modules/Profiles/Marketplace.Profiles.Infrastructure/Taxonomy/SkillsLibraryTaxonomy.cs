using Marketplace.Profiles.Application.Taxonomy;
using Marketplace.Profiles.Domain.Profiles;
using Marketplace.Profiles.Infrastructure.Persistence;
using Marketplace.Skills.Taxonomy;
using Microsoft.EntityFrameworkCore;

namespace Marketplace.Profiles.Infrastructure.Taxonomy;

/// <summary>
/// <see cref="ITaxonomy"/> over the skills library's embedded taxonomy, with unrecognised mentions counted in this module's
/// schema until the matching module owns the taxonomy and its queue.
/// </summary>
internal sealed class SkillsLibraryTaxonomy(ProfilesDbContext context, TimeProvider clock) : ITaxonomy
{
    private static SkillTaxonomy Skills => SkillTaxonomy.Embedded;

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

    public async Task RecordUnrecognisedAsync(IReadOnlyCollection<string> mentions, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        foreach (var group in mentions.GroupBy(m => ProfileSkill.MentionKey(m)[1..]))
        {
            var key = group.Key[..Math.Min(group.Key.Length, UnrecognisedMention.MaxKeyLength)];
            // The schema is a constant; the values are parameters.
            await context.Database.ExecuteSqlRawAsync(
                $$"""
                INSERT INTO {{ProfilesDbContext.SchemaName}}.unrecognised_mentions (mention_key, example, sightings, first_seen_at, last_seen_at)
                VALUES ({0}, {1}, {2}, {3}, {3})
                ON CONFLICT (mention_key) DO UPDATE
                SET sightings = unrecognised_mentions.sightings + EXCLUDED.sightings, last_seen_at = EXCLUDED.last_seen_at
                """,
                [key, group.First().Trim(), group.Count(), now],
                cancellationToken);
        }
    }

    private static TaxonomySkill ToDto(Skill skill) => new(skill.Id, skill.Name, skill.Category);
}
