using Marketplace.BuildingBlocks.Infrastructure.Modules;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;

namespace Marketplace.Testing;

/// <summary>What background work a host (the real one or the building blocks' toy host) still has to do.</summary>
public static class BackgroundWorkProbe
{
    /// <summary>Outbox rows not yet relayed, over every module of the host.</summary>
    public static async Task<int> WaitingOutboxRowsAsync(IServiceProvider host)
    {
        await using var scope = host.CreateAsyncScope();
        var catalog = scope.ServiceProvider.GetRequiredService<ModuleCatalog>();
        var total = 0;
        foreach (var module in catalog.Modules)
        {
            total += await catalog.ResolveContext(scope.ServiceProvider, module).OutboxMessages.CountAsync(m => m.RelayedAt == null);
        }

        return total;
    }

    /// <summary>Hangfire jobs not yet in a final state (succeeded, failed or deleted): enqueued, fetched, processing or scheduled.</summary>
    public static async Task<long> UnfinishedJobsAsync(string connectionString)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using var count = new NpgsqlCommand(
            "SELECT count(*) FROM hangfire.job WHERE statename IS NULL OR statename NOT IN ('Succeeded', 'Failed', 'Deleted')", connection);
        return (long)(await count.ExecuteScalarAsync())!;
    }

    /// <summary>
    /// Waits until every outbox is relayed and every Hangfire job has reached a final state (a retry waits in Scheduled),
    /// seen twice in a row. A bound on waiting, not a speed check: it fails only when the work never settles.
    /// </summary>
    public static async Task WaitUntilSettledAsync(IServiceProvider host, string connectionString, TimeSpan? timeout = null, Func<string>? describe = null)
    {
        var deadline = DateTime.UtcNow + (timeout ?? TimeSpan.FromSeconds(90));
        var quietPolls = 0;
        long unfinished;
        int waiting;
        do
        {
            waiting = await WaitingOutboxRowsAsync(host);
            unfinished = await UnfinishedJobsAsync(connectionString);
            quietPolls = waiting == 0 && unfinished == 0 ? quietPolls + 1 : 0;
            if (quietPolls >= 2)
            {
                return;
            }

            await Task.Delay(150);
        }
        while (DateTime.UtcNow < deadline);

        throw new TimeoutException(
            $"Background work did not settle: {waiting} outbox rows waiting, {unfinished} Hangfire jobs unfinished ({await DescribeUnfinishedAsync(connectionString)}). {describe?.Invoke()}");
    }

    private static async Task<string> DescribeUnfinishedAsync(string connectionString)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using var list = new NpgsqlCommand(
            """
            SELECT string_agg(format('job %s %s %s, queued: %s, fetched at %s', j.id, coalesce(j.statename, '(none)'),
                   (j.invocationdata::jsonb)->>'Method', q.id IS NOT NULL, coalesce(q.fetchedat::text, '-')), '; ')
            FROM hangfire.job j LEFT JOIN hangfire.jobqueue q ON q.jobid = j.id
            WHERE j.statename IS NULL OR j.statename NOT IN ('Succeeded', 'Failed', 'Deleted')
            """, connection);
        return await list.ExecuteScalarAsync() as string ?? "";
    }
}
