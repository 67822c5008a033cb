using Hangfire;
using Marketplace.Matching.Infrastructure.Persistence;
using Marketplace.Matching.Infrastructure.Rematching;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Marketplace.Matching.Infrastructure.Engine;

/// <summary>
/// Every process reads the change feed a few times a second and applies it to its engine, so whichever process handled an event,
/// all of them answer from the same state within about a second. It also forgets the changes other processes have stored.
/// </summary>
internal sealed partial class MatchingEngineService(MatchingEngine engine, IServiceScopeFactory scopes, MatchingEngineOptions options, ILogger<MatchingEngineService> logger)
    : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(TimeSpan.FromMilliseconds(options.FeedPollMs));
        do
        {
            try
            {
                await engine.CatchUpAsync(stoppingToken);
                await using var scope = scopes.CreateAsyncScope();
                var stored = await MatchStore.StoredThroughAsync(scope.ServiceProvider.GetRequiredService<MatchingDbContext>(), stoppingToken);
                await engine.WithListsAsync((_, _) => { engine.Prune(stored); return 0; }, stoppingToken);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            // Whatever failed (the database away, a row the engine refuses), the host must not stop: the next tick tries again.
            catch (Exception exception) when (exception is not OperationCanceledException)
            {
                LogFeedFailed(logger, exception);
            }
        }
        while (await timer.WaitForNextTickAsync(stoppingToken));
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Reading the matching change feed failed; the next tick tries again")]
    private static partial void LogFeedFailed(ILogger logger, Exception exception);
}

/// <summary>Registers the nightly full rematch.</summary>
internal sealed class NightlyRematchScheduler(IRecurringJobManager recurring) : IHostedService
{
    public const string RecurringJobId = "matching-nightly-rematch";

    public Task StartAsync(CancellationToken cancellationToken)
    {
        recurring.AddOrUpdate<FullRematch>(RecurringJobId, r => r.StartNightlyAsync(CancellationToken.None), Cron.Daily(3));
        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
