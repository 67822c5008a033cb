using Marketplace.BuildingBlocks.Domain;

namespace Marketplace.Matching.Domain.Runs;

/// <summary>
/// A full rematch: every posting's candidates and every profile's postings recomputed and stored, cut into batches that any
/// server may take. A run is finished when its last batch is done; the counts only grow, by atomic increments in the store.
/// </summary>
public sealed class RematchRun : Entity<Guid>
{
    private RematchRun()
    {
    }

    public RematchRun(Guid id, DateTimeOffset startedAt, int batches, string startedBy)
    {
        if (batches < 1) throw new ArgumentOutOfRangeException(nameof(batches), "a run has at least one batch");
        Id = id;
        StartedAt = startedAt;
        Batches = batches;
        StartedBy = startedBy;
    }

    public DateTimeOffset StartedAt { get; private set; }

    public DateTimeOffset? FinishedAt { get; private set; }

    public int Batches { get; private set; }

    public int BatchesDone { get; private set; }

    public string StartedBy { get; private set; } = "";

    public bool IsFinished => FinishedAt is not null;

    /// <summary>Done batches of all, 0 to 1.</summary>
    public double Progress => Batches == 0 ? 1 : (double)BatchesDone / Batches;

    /// <summary>Batches a second so far, and the time the rest would take at that rate (null before the first batch).</summary>
    public (double Rate, TimeSpan? Left) Pace(DateTimeOffset now)
    {
        var elapsed = ((FinishedAt ?? now) - StartedAt).TotalSeconds;
        if (BatchesDone == 0 || elapsed <= 0) return (0, null);
        double rate = BatchesDone / elapsed;
        return (rate, IsFinished ? TimeSpan.Zero : TimeSpan.FromSeconds((Batches - BatchesDone) / rate));
    }

    public TimeSpan? Duration => FinishedAt - StartedAt;

    /// <summary>Counts one batch done; the one that completes the count finishes the run. The store does the same in one UPDATE,
    /// so that batches on several servers count atomically.</summary>
    public void BatchDone(DateTimeOffset now)
    {
        if (IsFinished) throw new InvalidOperationException("the run is finished");
        BatchesDone++;
        if (BatchesDone == Batches) FinishedAt = now;
    }
}
