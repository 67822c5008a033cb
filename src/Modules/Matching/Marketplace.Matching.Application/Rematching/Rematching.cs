using Marketplace.BuildingBlocks.Application;
using Marketplace.BuildingBlocks.Domain;
using Marketplace.Matching.Domain.Runs;
using Mediator;

namespace Marketplace.Matching.Application.Rematching;

/// <summary>Starts full rematches in the background and tells how the last ones went; implemented by the Matching infrastructure.</summary>
public interface IRematchRuns
{
    /// <summary>Enqueues a full rematch with this id; its batches are created when its first job runs.</summary>
    void Schedule(Guid runId, string startedBy);

    Task<IReadOnlyList<RematchRun>> LastAsync(int count, CancellationToken cancellationToken);
}

/// <summary>An admin starts a full rematch; answers the run's id (its row appears once the start job ran).</summary>
public sealed record StartFullRematch : ICommand<Result<Guid>>;

public sealed class StartFullRematchHandler(IRematchRuns runs, ICurrentUser user) : ICommandHandler<StartFullRematch, Result<Guid>>
{
    public ValueTask<Result<Guid>> Handle(StartFullRematch command, CancellationToken cancellationToken)
    {
        if (!user.IsInRole(Roles.Admin)) return ValueTask.FromResult(Result<Guid>.Failure(Error.Forbidden("Only admins start a full rematch.")));
        var id = Guid.NewGuid();
        runs.Schedule(id, user.Email ?? user.UserId?.ToString() ?? "admin");
        return ValueTask.FromResult(Result.Success(id));
    }
}

/// <summary>A run as the admin page shows it: progress, rate, time left and duration.</summary>
public sealed record RematchRunDto(Guid Id, DateTimeOffset StartedAt, DateTimeOffset? FinishedAt, int Batches, int BatchesDone, double Progress,
    double BatchesPerSecond, TimeSpan? TimeLeft, TimeSpan? Duration, string StartedBy);

/// <summary>The last full rematches, newest first.</summary>
public sealed record ListRematchRuns(int Count = 12) : IQuery<IReadOnlyList<RematchRunDto>>;

public sealed class ListRematchRunsHandler(IRematchRuns runs, TimeProvider clock) : IQueryHandler<ListRematchRuns, IReadOnlyList<RematchRunDto>>
{
    public async ValueTask<IReadOnlyList<RematchRunDto>> Handle(ListRematchRuns query, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        return [.. (await runs.LastAsync(Math.Clamp(query.Count, 1, 50), cancellationToken)).Select(r =>
        {
            var (rate, left) = r.Pace(now);
            return new RematchRunDto(r.Id, r.StartedAt, r.FinishedAt, r.Batches, r.BatchesDone, r.Progress, rate, left, r.Duration, r.StartedBy);
        })];
    }
}
