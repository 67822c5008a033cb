using Marketplace.Profiles.Application.Taxonomy;
using Marketplace.Profiles.Domain.Profiles;
using Marketplace.Profiles.Infrastructure.Persistence;
using Marketplace.Matching.Contracts.Taxonomy;
using Marketplace.Skills.Taxonomy;
using Microsoft.EntityFrameworkCore;

namespace Marketplace.Profiles.Infrastructure.Taxonomy;

/// <summary>
/// <see cref="ITaxonomy"/> over the shared taxonomy (the matching module's skills facade). Unrecognised mentions are still counted
/// in this module's schema as well; the admins' queue is the matching module's, fed by the ProfileChanged events.
/// </summary>
internal sealed class SkillsLibraryTaxonomy(ProfilesDbContext context, TimeProvider clock, ISkillsFacade shared) : ITaxonomy
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
