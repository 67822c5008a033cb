using System.ComponentModel;
using Hangfire;
using Hangfire.States;
using Marketplace.Matching.Application.Rematching;
using Marketplace.Matching.Domain.Runs;
using Marketplace.Matching.Infrastructure.Engine;
using Marketplace.Matching.Infrastructure.Persistence;
using Marketplace.Skills.Matching;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;

namespace Marketplace.Matching.Infrastructure.Rematching;

/// <summary>
/// The full rematch as Hangfire jobs: a start job cuts the work into batches (parts of the open postings, for their candidates,
/// and parts of the discoverable profiles, for their postings), stores them as rows, and enqueues a few lanes of batch jobs
/// chained by continuations, so any number of servers take batches as they free up. Each batch writes its lists and marks
/// itself done in one transaction; the batch that completes the count finishes the run. Every job is safe to run twice.
/// </summary>
public sealed partial class FullRematch(
    MatchingDbContext context, MatchingEngine engine, IBackgroundJobClient jobs, TimeProvider clock, MatchingEngineOptions options, ILogger<FullRematch> logger)
{
    public const string PostingsKind = "postings";
    public const string ProfilesKind = "profiles";

    [DisplayName("Full rematch (nightly)")]
    [AutomaticRetry(Attempts = 0)]
    public Task StartNightlyAsync(CancellationToken cancellationToken) => StartAsync(Guid.NewGuid(), "nightly", cancellationToken);

    [DisplayName("Full rematch {0}: plan the batches")]
    [AutomaticRetry(Attempts = 3)]
    public async Task StartAsync(Guid runId, string startedBy, CancellationToken cancellationToken)
    {
        if (!await context.RematchRuns.AnyAsync(r => r.Id == runId, cancellationToken))
        {
            await engine.CatchUpAsync(cancellationToken);
            var view = await engine.ViewAsync(cancellationToken);
            int postingParts = Math.Max(1, (int)Math.Ceiling(view.OpenPostings.Count / (double)options.PostingsPerBatch));
            int profileParts = Math.Max(1, (int)Math.Ceiling(view.Candidates.Count / (double)options.ProfilesPerBatch));
            var batches = Enumerable.Range(0, postingParts).Select(i => (PostingsKind, i, postingParts))
                .Concat(Enumerable.Range(0, profileParts).Select(i => (ProfilesKind, i, profileParts)))
                .Select((b, n) => new RematchBatch { RunId = runId, Number = n, Kind = b.Item1, Part = b.Item2, Parts = b.Item3 })
                .ToList();
            await context.Database.CreateExecutionStrategy().ExecuteAsync(async ct =>
            {
                context.ChangeTracker.Clear();
                await using var transaction = await context.Database.BeginTransactionAsync(ct);
                await context.Database.ExecuteSqlAsync($"SELECT pg_advisory_xact_lock({MatchStore.StoreLock})", ct);
                // The batches rewrite every list there is; rows of a posting that closed or a profile that left are dropped here.
                var (open, candidates) = await engine.WithListsAsync((_, v) =>
                    ((Guid[])[.. v.Postings.Values.Where(p => p.IsOpen).Select(p => p.Id)], (Guid[])[.. v.Profiles.Values.Where(p => p.IsCandidate).Select(p => p.Id)]), ct);
                await context.Database.ExecuteSqlAsync($"DELETE FROM matching.posting_candidates WHERE NOT (posting_id = ANY({open}))", ct);
                await context.Database.ExecuteSqlAsync($"DELETE FROM matching.profile_matches WHERE NOT (profile_id = ANY({candidates}))", ct);
                context.RematchRuns.Add(new RematchRun(runId, clock.GetUtcNow(), batches.Count, startedBy));
                context.RematchBatches.AddRange(batches);
                await context.SaveChangesAsync(ct);
                await transaction.CommitAsync(ct);
            }, cancellationToken);
        }

        // Again after a crash between the commit and here: a batch enqueued twice does its work once.
        var waiting = await context.RematchBatches.AsNoTracking().Where(b => b.RunId == runId && b.DoneAt == null).OrderBy(b => b.Number)
            .Select(b => b.Number).ToListAsync(cancellationToken);
        int lanes = Math.Min(waiting.Count, options.RematchLanes);
        for (int lane = 0; lane < lanes; lane++)
        {
            string? previous = null;
            for (int i = lane; i < waiting.Count; i += lanes)
            {
                int number = waiting[i];
                previous = previous is null
                    ? jobs.Enqueue<FullRematch>(r => r.RunBatchAsync(runId, number, CancellationToken.None))
                    : jobs.ContinueJobWith<FullRematch>(previous, r => r.RunBatchAsync(runId, number, CancellationToken.None), new EnqueuedState(), JobContinuationOptions.OnAnyFinishedState);
            }
        }
    }

    [DisplayName("Full rematch {0}: batch {1}")]
    [AutomaticRetry(Attempts = 5, DelaysInSeconds = [1, 5, 30, 120, 600])]
    public async Task RunBatchAsync(Guid runId, int number, CancellationToken cancellationToken)
    {
        var batch = await context.RematchBatches.AsNoTracking().SingleOrDefaultAsync(b => b.RunId == runId && b.Number == number, cancellationToken)
            ?? throw new InvalidOperationException($"Full rematch {runId} has no batch {number}.");
        if (batch.DoneAt is not null) return;
        bool postings = batch.Kind == PostingsKind;
        for (int attempt = 1; ; attempt++)
        {
            // Computed outside every lock (the view is immutable), so batches on several servers run side by side.
            long started = System.Diagnostics.Stopwatch.GetTimestamp();
            await engine.CatchUpAsync(cancellationToken);
            var view = await engine.ViewAsync(cancellationToken);
            var lists = postings
                ? Rematch.CandidatesForPart(view.Candidates, view.OpenPostings, batch.Part, batch.Parts, engine.CandidatesPerPosting)
                : Rematch.PostingsForPart(view.Candidates, view.OpenPostings, batch.Part, batch.Parts, engine.PostingsPerProfile);
            IReadOnlyCollection<Guid> owners = [.. lists.Keys.Select(Guid.Parse)];
            var rows = ListWriter.Rows(lists.Select(kv => (kv.Key, kv.Value)));
            long listed = System.Diagnostics.Stopwatch.GetTimestamp();
            bool written = await WriteAsync(runId, number, postings, view.Applied, owners, rows, last: attempt >= 5, cancellationToken);
            LogBatch(logger, runId, number, batch.Kind, rows.Owner.Length, Ms(started, listed), Ms(listed, System.Diagnostics.Stopwatch.GetTimestamp()));
            if (written) return;
        }
    }

    private static double Ms(long from, long to) => (to - from) * 1000.0 / System.Diagnostics.Stopwatch.Frequency;

    // Where a batch's time goes: the engine's lists, and the write (waiting for the lock, COPY, index upkeep).
    [LoggerMessage(Level = LogLevel.Information, Message = "Full rematch {RunId} batch {Number} ({Kind}): {Rows} rows; lists {ListsMs:0} ms, write {WriteMs:0} ms")]
    private static partial void LogBatch(ILogger logger, Guid runId, int number, string kind, int rows, double listsMs, double writeMs);

    // Writes the batch's lists unless the stored lists moved past the view they were computed from (then false: compute again).
    private async Task<bool> WriteAsync(Guid runId, int number, bool postings, long applied, IReadOnlyCollection<Guid> owners, ListRows rows, bool last,
        CancellationToken cancellationToken) =>
        await context.Database.CreateExecutionStrategy().ExecuteAsync(async ct =>
        {
            context.ChangeTracker.Clear();
            await using var transaction = await context.Database.BeginTransactionAsync(ct);
            // Writes take turns with the incremental store (which takes the lock exclusively): a list written here is never older
            // than the stored position. Batches write disjoint lists, so they share the lock and their COPYs run side by side.
            await context.Database.ExecuteSqlAsync($"SELECT pg_advisory_xact_lock_shared({MatchStore.StoreLock})", ct);
            if (!last && await MatchStore.StoredThroughAsync(context, ct) > applied)
            {
                await transaction.RollbackAsync(ct);
                return false;
            }

            if (postings) await ListWriter.WriteCandidatesAsync(context, owners, rows, ct);
            else await ListWriter.WriteProfileMatchesAsync(context, owners, rows, ct);

            var now = clock.GetUtcNow();
            var server = engine.Worker;
            var marked = await context.Database.ExecuteSqlAsync(
                $"UPDATE matching.rematch_batches SET done_at = {now}, done_by = {server} WHERE run_id = {runId} AND number = {number} AND done_at IS NULL", ct);
            if (marked == 0)
            {
                // Another server did this batch meanwhile.
                await transaction.RollbackAsync(ct);
                return true;
            }

            await context.Database.ExecuteSqlAsync(
                $"""
                 UPDATE matching.rematch_runs SET batches_done = batches_done + 1,
                   finished_at = CASE WHEN batches_done + 1 >= batches THEN {now} ELSE finished_at END
                 WHERE id = {runId}
                 """, ct);
            await transaction.CommitAsync(ct);
            return true;
        }, cancellationToken);
}

internal sealed class RematchRuns(MatchingDbContext context, IBackgroundJobClient jobs) : IRematchRuns
{
    public void Schedule(Guid runId, string startedBy) =>
        jobs.Enqueue<FullRematch>(r => r.StartAsync(runId, startedBy, CancellationToken.None));

    public async Task<IReadOnlyList<RematchRun>> LastAsync(int count, CancellationToken cancellationToken) =>
        await context.RematchRuns.AsNoTracking().OrderByDescending(r => r.StartedAt).Take(count).ToListAsync(cancellationToken);
}
