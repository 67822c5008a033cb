using Marketplace.Matching.Application.Storing;
using Marketplace.Matching.Infrastructure.Persistence;
using Marketplace.Skills.Matching;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;

namespace Marketplace.Matching.Infrastructure.Engine;

/// <summary>
/// Stores the lists that changed since the stored position, under one transaction-scoped advisory lock so that stores on
/// several servers take turns; the position moves in the same transaction as the rows.
/// </summary>
internal sealed partial class MatchStore(MatchingDbContext context, MatchingEngine engine, ILogger<MatchStore> logger) : IMatchStore
{
    internal const long StoreLock = 0x6d61_7463_6873_746f;

    public async Task<int> StoreChangesAsync(long sequence, CancellationToken cancellationToken)
    {
        long started = System.Diagnostics.Stopwatch.GetTimestamp();
        await context.Database.ExecuteSqlAsync($"SELECT pg_advisory_xact_lock({StoreLock})", cancellationToken);
        var storedThrough = await StoredThroughAsync(context, cancellationToken);
        var work = await engine.WithListsAsync((lists, view) =>
        {
            if (view.Applied <= storedThrough) return null;
            var changed = engine.ChangedSince(storedThrough);
            var postings = changed?.Postings ?? [.. view.Postings.Keys];
            var profiles = changed?.Profiles ?? [.. view.Profiles.Keys];
            return new Work(
                view.Applied,
                changed is null,
                [.. postings.Select(Guid.Parse)],
                ListWriter.Rows(postings.Select(id => (id, lists.CandidatesOf(id)))),
                [.. profiles.Select(Guid.Parse)],
                ListWriter.Rows(profiles.Select(id => (id, lists.PostingsOf(id)))));
        }, cancellationToken);
        if (work is null) return 0;
        long listed = System.Diagnostics.Stopwatch.GetTimestamp();

        if (work.Everything)
        {
            // This process cannot tell what changed before it started: every list is written, and rows of owners it does not know go.
            await context.Database.ExecuteSqlAsync($"DELETE FROM matching.posting_candidates", cancellationToken);
            await context.Database.ExecuteSqlAsync($"DELETE FROM matching.profile_matches", cancellationToken);
            await ListWriter.WriteCandidatesAsync(context, work.Postings, work.CandidateRows, cancellationToken);
            await ListWriter.WriteProfileMatchesAsync(context, work.Profiles, work.ProfileRows, cancellationToken);
        }
        else
        {
            await ListWriter.WriteChangedCandidatesAsync(context, work.Postings, work.CandidateRows, cancellationToken);
            await ListWriter.WriteChangedProfileMatchesAsync(context, work.Profiles, work.ProfileRows, cancellationToken);
        }
        await context.Database.ExecuteSqlAsync(
            $"""
             INSERT INTO matching.feed_state AS s (id, stored_through) VALUES ({FeedState.SingletonId}, {work.Applied})
             ON CONFLICT (id) DO UPDATE SET stored_through = GREATEST(s.stored_through, excluded.stored_through)
             """, cancellationToken);
        LogStored(logger, work.Postings.Count, work.Profiles.Count, work.CandidateRows.Owner.Length + work.ProfileRows.Owner.Length, work.Applied,
            System.Diagnostics.Stopwatch.GetElapsedTime(started, listed).TotalMilliseconds, System.Diagnostics.Stopwatch.GetElapsedTime(listed).TotalMilliseconds);
        return work.Postings.Count + work.Profiles.Count;
    }

    // How much one change costs to store (a published posting can enter thousands of profiles' lists).
    [LoggerMessage(Level = LogLevel.Debug, Message = "Stored {Postings} posting lists and {Profiles} profile lists ({Rows} rows) through {Position}: lock and lists {ListsMs:0} ms, write {WriteMs:0} ms")]
    private static partial void LogStored(ILogger logger, int postings, int profiles, int rows, long position, double listsMs, double writeMs);

    internal static async Task<long> StoredThroughAsync(MatchingDbContext context, CancellationToken cancellationToken) =>
        await context.FeedState.AsNoTracking().Where(s => s.Id == FeedState.SingletonId).Select(s => s.StoredThrough).FirstOrDefaultAsync(cancellationToken);

    private sealed record Work(long Applied, bool Everything, IReadOnlyCollection<Guid> Postings, ListRows CandidateRows, IReadOnlyCollection<Guid> Profiles, ListRows ProfileRows);
}
