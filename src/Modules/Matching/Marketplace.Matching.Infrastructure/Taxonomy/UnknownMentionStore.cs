using Marketplace.Matching.Application.Taxonomy;
using Marketplace.Matching.Contracts.Taxonomy;
using Marketplace.Matching.Domain.Taxonomy;
using Marketplace.Matching.Infrastructure.Persistence;
using Marketplace.Skills.Text;
using Microsoft.EntityFrameworkCore;

namespace Marketplace.Matching.Infrastructure.Taxonomy;

/// <summary>
/// The queue: a sighting row per (mention, place), and the mention's count raised only when that row is new, so a redelivered
/// event or a retried report counts nothing twice.
/// </summary>
internal sealed class UnknownMentionStore(MatchingDbContext context) : IUnknownMentions
{
    public async Task RecordAsync(MentionSource source, string placeId, IReadOnlyCollection<string> mentions, DateTimeOffset seenAt, CancellationToken cancellationToken)
    {
        foreach (var text in mentions)
        {
            string key = Tokenizer.Key(text);
            if (key.Length is 0 or > UnknownMention.MaxKeyLength) continue;
            string written = text.Trim()[..Math.Min(text.Trim().Length, UnknownMention.MaxKeyLength * 2)];
            await context.Database.ExecuteSqlAsync(
                $"""
                 WITH seen AS (
                   INSERT INTO matching.unknown_mention_sightings (key, source, source_id, text, seen_at)
                   VALUES ({key}, {source.ToString()}, {placeId}, {written}, {seenAt})
                   ON CONFLICT (key, source, source_id) DO NOTHING
                   RETURNING 1)
                 INSERT INTO matching.unknown_mentions AS m (key, text, sightings, first_seen_at, last_seen_at)
                 SELECT {key}, {written}, 1, {seenAt}, {seenAt} FROM seen
                 ON CONFLICT (key) DO UPDATE SET sightings = m.sightings + 1, text = excluded.text, last_seen_at = excluded.last_seen_at
                 """, cancellationToken);
        }
    }

    public async Task<IReadOnlyList<QueuedMention>> OpenAsync(int take, int examples, CancellationToken cancellationToken)
    {
        var open = await context.UnknownMentions.AsNoTracking().Where(m => m.Resolution == null)
            .OrderByDescending(m => m.Sightings).ThenByDescending(m => m.LastSeenAt).ThenBy(m => m.Key).Take(take).ToListAsync(cancellationToken);
        var keys = open.Select(m => m.Key).ToList();
        var sightings = await context.MentionSightings.AsNoTracking().Where(s => keys.Contains(s.Key))
            .OrderByDescending(s => s.SeenAt).ToListAsync(cancellationToken);
        var byKey = sightings.GroupBy(s => s.Key).ToDictionary(g => g.Key, g => g.DistinctBy(s => (s.Source, s.Text)).Take(examples).Select(s => new MentionExample(Origin(s.Source), s.Text)).ToList());
        return [.. open.Select(m => new QueuedMention(m.Key, m.Text, m.Sightings, m.LastSeenAt, byKey.GetValueOrDefault(m.Key) ?? []))];
    }

    private static UnknownMentionOrigin Origin(MentionSource source) => source switch
    {
        MentionSource.Profile => UnknownMentionOrigin.Profile,
        MentionSource.Posting => UnknownMentionOrigin.Posting,
        MentionSource.Search => UnknownMentionOrigin.Search,
        _ => UnknownMentionOrigin.CourseImport,
    };

    public Task<UnknownMention?> FindAsync(string key, CancellationToken cancellationToken) =>
        context.UnknownMentions.SingleOrDefaultAsync(m => m.Key == key, cancellationToken);
}
