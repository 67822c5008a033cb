using System.ComponentModel;
using Hangfire;
using Marketplace.Matching.Application.Digests;
using Marketplace.Matching.Infrastructure.Persistence;
using Mediator;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace Marketplace.Matching.Infrastructure.Digests;

/// <summary>
/// The weekly digest as Hangfire jobs: the sweep pages through the seekers whose digest is due and enqueues a job a page, which
/// any server takes; each seeker's digest is its own command (its own transaction), so one failure stops no other.
/// </summary>
public sealed class WeeklyDigestSweep(MatchingDbContext context, IServiceScopeFactory scopes, IBackgroundJobClient jobs, TimeProvider clock)
{
    public const int PageSize = 200;

    [DisplayName("Weekly match digests: find who is due")]
    [AutomaticRetry(Attempts = 3)]
    public async Task SweepAsync(CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        var after = Guid.Empty;
        while (true)
        {
            var due = await MatchDigests.DueAsync(context, now, after, PageSize, cancellationToken);
            if (due.Count == 0) return;
            Guid[] page = [.. due];
            jobs.Enqueue<WeeklyDigestSweep>(s => s.SendAsync(page, CancellationToken.None));
            after = due[^1];
        }
    }

    [DisplayName("Weekly match digests: send a page of {0}")]
    [AutomaticRetry(Attempts = 5)]
    public async Task<int> SendAsync(Guid[] profileIds, CancellationToken cancellationToken)
    {
        var sent = 0;
        foreach (var profileId in profileIds)
        {
            // A scope a seeker: the unit of work commits each digest alone.
            await using var scope = scopes.CreateAsyncScope();
            var result = await scope.ServiceProvider.GetRequiredService<ISender>().Send(new SendMatchDigest(profileId), cancellationToken);
            if (result.IsSuccess && result.Value > 0) sent++;
        }

        return sent;
    }
}

/// <summary>Registers the weekly digest: Mondays at 07:00 UTC.</summary>
internal sealed class WeeklyDigestScheduler(IRecurringJobManager recurring) : IHostedService
{
    public const string RecurringJobId = "matching-weekly-digest";

    public Task StartAsync(CancellationToken cancellationToken)
    {
        recurring.AddOrUpdate<WeeklyDigestSweep>(RecurringJobId, s => s.SweepAsync(CancellationToken.None), Cron.Weekly(DayOfWeek.Monday, 7));
        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
