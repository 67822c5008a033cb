using Hangfire;
using Microsoft.Extensions.Hosting;

namespace Marketplace.BuildingBlocks.Infrastructure.Messaging;

/// <summary>
/// At start-up: registers the recurring sweep (a safety net for relays that were never triggered, e.g. when the process
/// stopped between commit and relay) and runs one sweep at once, so such events leave right after a restart.
/// </summary>
public sealed class OutboxSweepScheduler(IRecurringJobManager recurring, IBackgroundJobClient jobs) : IHostedService
{
    public const string RecurringJobId = "outbox-sweep";

    public Task StartAsync(CancellationToken cancellationToken)
    {
        recurring.AddOrUpdate<OutboxRelay>(RecurringJobId, relay => relay.SweepAsync(CancellationToken.None), Cron.Minutely());
        jobs.Enqueue<OutboxRelay>(relay => relay.SweepAsync(CancellationToken.None));
        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
