using Hangfire;
using Microsoft.Extensions.Hosting;

namespace Marketplace.BuildingBlocks.Infrastructure.Mail;

/// <summary>At start-up: registers the recurring mail sweep, and sends at once whatever a stopped process left unsent.</summary>
public sealed class MailSweepScheduler(IRecurringJobManager recurring, IBackgroundJobClient jobs) : IHostedService
{
    public const string RecurringJobId = "mail-sweep";

    public Task StartAsync(CancellationToken cancellationToken)
    {
        recurring.AddOrUpdate<MailDelivery>(RecurringJobId, delivery => delivery.SweepAsync(CancellationToken.None), Cron.Minutely());
        jobs.Enqueue<MailDelivery>(delivery => delivery.SweepAtStartupAsync(CancellationToken.None));
        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
