using Marketplace.Matching.Application.Storing;
using Marketplace.Matching.Infrastructure.Persistence;
using Marketplace.Skills.Matching;
using Marketplace.Skills.Scoring;
using Microsoft.EntityFrameworkCore;

namespace Marketplace.Matching.Infrastructure.Engine;

/// <summary>
/// Stores the lists that changed since the stored position, under one transaction-scoped advisory lock so that stores on
/// several servers take turns; the position moves in the same transaction as the rows.
/// </summary>
internal sealed class MatchStore(MatchingDbContext context, MatchingEngine engine) : IMatchStore
{
    internal const long StoreLock = 0x6d61_7463_6873_746f;

    public async Task<int> StoreChangesAsync(long sequence, CancellationToken cancellationToken)
    {
        await context.Database.ExecuteSqlAsync($"SELECT pg_advisory_xact_lock({StoreLock})", cancellationToken);
        var storedThrough = await StoredThroughAsync(context, cancellationToken);
        var work = await engine.WithListsAsync((lists, view) =>
        {
            if (view.Applied <= storedThrough) return null;
            var scorer = new Scorer(view.Taxonomy);
            var changed = engine.ChangedSince(storedThrough);
            var postings = changed?.Postings ?? [.. view.Postings.Keys];
            var profiles = changed?.Profiles ?? [.. view.Profiles.Keys];
            return new Work(
                view.Applied,
                changed is null,
                [.. postings.Select(Guid.Parse)],
                ListWriter.Rows(postings.Select(id => (id, lists.CandidatesOf(id))), ownerIsPosting: true, view, scorer),
                [.. profiles.Select(Guid.Parse)],
                ListWriter.Rows(profiles.Select(id => (id, lists.PostingsOf(id))), ownerIsPosting: false, view, scorer));
        }, cancellationToken);
        if (work is null) return 0;

        if (work.Everything)
        {
            // This process cannot tell what changed before it started: every list is written, and rows of owners it does not know go.
            await context.Database.ExecuteSqlAsync($"DELETE FROM matching.posting_candidates", cancellationToken);
            await context.Database.ExecuteSqlAsync($"DELETE FROM matching.profile_matches", cancellationToken);
        }

        await ListWriter.WriteCandidatesAsync(context, work.Postings, work.CandidateRows, cancellationToken);
        await ListWriter.WriteProfileMatchesAsync(context, work.Profiles, work.ProfileRows, cancellationToken);
        await context.Database.ExecuteSqlAsync(
            $"""
             INSERT INTO matching.feed_state AS s (id, stored_through) VALUES ({FeedState.SingletonId}, {work.Applied})
             ON CONFLICT (id) DO UPDATE SET stored_through = GREATEST(s.stored_through, excluded.stored_through)
             """, cancellationToken);
        return work.Postings.Count + work.Profiles.Count;
    }

    internal static async Task<long> StoredThroughAsync(MatchingDbContext context, CancellationToken cancellationToken) =>
        await context.FeedState.AsNoTracking().Where(s => s.Id == FeedState.SingletonId).Select(s => s.StoredThrough).FirstOrDefaultAsync(cancellationToken);

    private sealed record Work(long Applied, bool Everything, IReadOnlyCollection<Guid> Postings, ListRows CandidateRows, IReadOnlyCollection<Guid> Profiles, ListRows ProfileRows);
}
