using System.ComponentModel;
using Hangfire;
using Marketplace.Jobs.Application.Postings.Expiry;
using Marketplace.Jobs.Application.SavedSearches;
using Marketplace.Jobs.Application.SavedSearches.Alerts;
using Marketplace.Jobs.Domain.Postings;
using Marketplace.Jobs.Infrastructure.Persistence;
using Mediator;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Marketplace.Jobs.Infrastructure.Alerts;

/// <summary>
/// The Jobs module's background work, as Hangfire jobs: the alert sweep (every minute, and soon after a posting is
/// published) and the expiry sweep (every quarter of an hour). Each change they make is a command with its own unit of
/// work, so a crash or a retry between two of them repeats nothing that was committed.
/// </summary>
public sealed partial class JobsSweeps(IServiceScopeFactory scopes, TimeProvider clock, PendingAlertSweep pending, ILogger<JobsSweeps> logger)
{
    /// <summary>People handled by one alert sweep; the rest wait for the next, a minute later.</summary>
    public const int PeoplePerSweep = 2_000;

    public const int PostingsPerBatch = 500;

    [DisplayName("Send saved-search alerts")]
    [AutomaticRetry(Attempts = 3)]
    public async Task SweepAlertsAsync(CancellationToken cancellationToken)
    {
        // From here on a new posting needs a sweep of its own: this one may already have taken its high-water mark.
        pending.Started();
        var upTo = await SendAsync(new StampPostingAnnouncements(), cancellationToken);
        IReadOnlyList<Guid> people;
        await using (var scope = scopes.CreateAsyncScope())
        {
            people = await scope.ServiceProvider.GetRequiredService<ISavedSearchRepository>()
                .ListDueUsersAsync(clock.GetUtcNow(), upTo, PeoplePerSweep, cancellationToken);
        }

        var announced = 0;
        foreach (var person in people)
        {
            announced += await SendAsync(new SendSavedSearchAlerts(person, upTo), cancellationToken);
        }

        if (announced > 0)
        {
            LogAlerts(logger, announced, people.Count);
        }
    }

    [DisplayName("Expire postings and warn before expiry")]
    [AutomaticRetry(Attempts = 3)]
    public async Task SweepExpiryAsync(CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        var warnFrom = now + JobPosting.ExpiryWarning;
        int expired = 0, warned = 0;
        foreach (var id in await DueAsync(p => p.ExpiresAt <= now, cancellationToken))
        {
            await SendAsync(new ExpirePosting(id), cancellationToken);
            expired++;
        }

        foreach (var id in await DueAsync(p => p.ExpiresAt > now && p.ExpiresAt <= warnFrom && p.ExpiryWarnedAt == null, cancellationToken))
        {
            await SendAsync(new WarnOfPostingExpiry(id), cancellationToken);
            warned++;
        }

        if (expired + warned > 0)
        {
            LogExpiry(logger, expired, warned);
        }
    }

    private async Task<IReadOnlyList<Guid>> DueAsync(System.Linq.Expressions.Expression<Func<JobPosting, bool>> due, CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<JobsDbContext>().Postings.AsNoTracking()
            .Where(p => p.Status == PostingStatus.Published)
            .Where(due)
            .OrderBy(p => p.ExpiresAt)
            .Select(p => p.Id)
            .Take(PostingsPerBatch)
            .ToListAsync(cancellationToken);
    }

    private async Task<T> SendAsync<T>(ICommand<Marketplace.BuildingBlocks.Domain.Result<T>> command, CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var result = await scope.ServiceProvider.GetRequiredService<ISender>().Send(command, cancellationToken);
        return result.IsSuccess ? result.Value : throw new InvalidOperationException($"{command.GetType().Name} failed: {result.FirstError.Message}");
    }

    private async Task SendAsync(ICommand<Marketplace.BuildingBlocks.Domain.Result> command, CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var result = await scope.ServiceProvider.GetRequiredService<ISender>().Send(command, cancellationToken);
        if (result.IsFailure)
        {
            LogRefused(logger, command.GetType().Name, result.FirstError.Message);
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Alert sweep: {Postings} postings announced to {People} people due")]
    private static partial void LogAlerts(ILogger logger, int postings, int people);

    [LoggerMessage(Level = LogLevel.Information, Message = "Expiry sweep: {Expired} postings expired, {Warned} employers warned")]
    private static partial void LogExpiry(ILogger logger, int expired, int warned);

    [LoggerMessage(Level = LogLevel.Warning, Message = "{Command} was refused: {Reason}")]
    private static partial void LogRefused(ILogger logger, string command, string reason);
}

/// <summary>Registers the Jobs module's recurring sweeps at start-up.</summary>
internal sealed class JobsSweepScheduler(IRecurringJobManager recurring) : IHostedService
{
    public const string AlertsJobId = "jobs-saved-search-alerts";
    public const string ExpiryJobId = "jobs-posting-expiry";

    public Task StartAsync(CancellationToken cancellationToken)
    {
        recurring.AddOrUpdate<JobsSweeps>(AlertsJobId, sweeps => sweeps.SweepAlertsAsync(CancellationToken.None), Cron.Minutely());
        recurring.AddOrUpdate<JobsSweeps>(ExpiryJobId, sweeps => sweeps.SweepExpiryAsync(CancellationToken.None), "*/15 * * * *");
        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}

/// <summary>
/// Enqueues an alert sweep unless one is already waiting to start in this process: a burst of postings then costs one
/// sweep, not one each (a sweep announces every posting up to its high-water mark). A failure to enqueue, or a pending
/// sweep that never starts, only delays the alerts to the next minute's sweep.
/// </summary>
internal sealed class HangfireAlertSweepTrigger(IBackgroundJobClient jobs, PendingAlertSweep pending) : IAlertSweepTrigger
{
    public void SweepSoon()
    {
        if (!pending.TryClaim())
        {
            return;
        }

        try
        {
            jobs.Enqueue<JobsSweeps>(sweeps => sweeps.SweepAlertsAsync(CancellationToken.None));
        }
        catch
        {
            pending.Started();
            throw;
        }
    }
}

/// <summary>Whether this process has an alert sweep enqueued that has not started yet (a claim older than a minute lapses).</summary>
public sealed class PendingAlertSweep(TimeProvider clock)
{
    private static readonly long Lapse = TimeSpan.FromMinutes(1).Ticks;
    private long claimedAt;

    public bool TryClaim()
    {
        var now = clock.GetUtcNow().UtcTicks;
        var seen = Interlocked.Read(ref claimedAt);
        return (seen == 0 || now - seen > Lapse) && Interlocked.CompareExchange(ref claimedAt, now, seen) == seen;
    }

    public void Started() => Interlocked.Exchange(ref claimedAt, 0);
}
