using Hangfire;
using Marketplace.BuildingBlocks.Infrastructure.Mail;
using Marketplace.BuildingBlocks.Infrastructure.Messaging;
using Marketplace.BuildingBlocks.Infrastructure.Modules;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Npgsql;

namespace Marketplace.Testing;

/// <summary>How a test wants the host: with or without a Hangfire server, relaying right after commit or not, and any service swaps.</summary>
public sealed record AppOptions
{
    public bool BackgroundServer { get; init; } = true;

    /// <summary>False leaves committed events in the outbox, as if the process had stopped between commit and relay.</summary>
    public bool RelayAfterCommit { get; init; } = true;

    /// <summary>False leaves committed mail unsent, as if the process had stopped between commit and sending.</summary>
    public bool SendMailAfterCommit { get; init; } = true;

    public Action<IServiceCollection>? Services { get; init; }

    /// <summary>Serve on a real loopback socket (Kestrel, with its limits) instead of the in-memory TestServer.</summary>
    public bool Kestrel { get; init; }

    /// <summary>Configuration values set last, over the test defaults.</summary>
    public IReadOnlyDictionary<string, string?> Settings { get; init; } = new Dictionary<string, string?>();
}

/// <summary>The real host over a test database, with small Hangfire settings and ways to drive and observe background work.</summary>
public sealed class MarketplaceApp : WebApplicationFactory<Program>
{
    private readonly string _connectionString;
    private readonly AppOptions _options;

    public MarketplaceApp(string connectionString, AppOptions options)
    {
        _connectionString = connectionString;
        _options = options;
        if (options.Kestrel)
        {
            this.UseKestrel(0);
        }
    }

    /// <summary>Serves on a loopback socket: start it with StartServer(), and reach it at ClientOptions.BaseAddress.</summary>
    public bool OnKestrel => _options.Kestrel;

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Testing");
        builder.UseSetting("Database:ConnectionString", _connectionString);
        builder.UseSetting("BackgroundJobs:ServerEnabled", _options.BackgroundServer ? "true" : "false");
        builder.UseSetting("BackgroundJobs:WorkerCount", "2");
        builder.UseSetting("BackgroundJobs:QueuePollIntervalMs", "100");
        builder.UseSetting("BackgroundJobs:SchedulePollIntervalSeconds", "1");
        builder.UseSetting("Serilog:MinimumLevel:Default", "Warning");
        // The test clients' address (WebApplicationFactory's default): links and redirects point where they talk.
        builder.UseSetting("PublicOrigin", "http://localhost");
        foreach (var (key, value) in _options.Settings)
        {
            builder.UseSetting(key, value);
        }

        builder.ConfigureTestServices(services =>
        {
            if (!_options.RelayAfterCommit)
            {
                services.Replace(ServiceDescriptor.Scoped<IOutboxRelayTrigger, NoRelayAfterCommit>());
            }

            if (!_options.SendMailAfterCommit)
            {
                services.Replace(ServiceDescriptor.Scoped<IMailSendTrigger, NoMailAfterCommit>());
            }

            _options.Services?.Invoke(services);
        });
    }

    public async Task<T> InScopeAsync<T>(Func<IServiceProvider, Task<T>> work)
    {
        await using var scope = Services.CreateAsyncScope();
        return await work(scope.ServiceProvider);
    }

    /// <summary>Runs the outbox relay of one module now, in its own scope, as the Hangfire job would; returns how many rows it relayed.</summary>
    public Task<int> RelayOutboxAsync(string module) =>
        InScopeAsync(services => services.GetRequiredService<OutboxRelay>().RelayPendingAsync(module, CancellationToken.None));

    /// <summary>
    /// Delivers one event (read from its source's outbox) to one handler now, in its own scope, as a delivery job would;
    /// false when the inbox says the handler already had it.
    /// </summary>
    public Task<bool> DeliverAsync(string sourceModule, Guid eventId, string handler) => InScopeAsync(async services =>
    {
        var catalog = services.GetRequiredService<ModuleCatalog>();
        var row = await catalog.ResolveContext(services, catalog.Get(sourceModule)).OutboxMessages.AsNoTracking().SingleAsync(m => m.Id == eventId);
        var receiving = services.GetRequiredService<MessagingNames>().FindHandler(handler)
            ?? throw new InvalidOperationException($"No handler is named '{handler}'.");
        var ran = await services.GetRequiredService<IntegrationEventDelivery>().TryDeliverAsync(
            receiving.Module.Name, [new EventDelivery(eventId, sourceModule, row.Type, row.Payload, [handler])], CancellationToken.None);
        return ran > 0;
    });

    /// <summary>Outbox rows not yet relayed, over every module.</summary>
    public Task<int> WaitingOutboxCountAsync() => BackgroundWorkProbe.WaitingOutboxRowsAsync(Services);

    public BackgroundWork BackgroundWork()
    {
        var monitoring = Services.GetRequiredService<JobStorage>().GetMonitoringApi();
        return new BackgroundWork(
            monitoring.EnqueuedCount("default"),
            monitoring.ProcessingCount(),
            monitoring.ScheduledCount(),
            monitoring.FailedCount(),
            monitoring.SucceededListCount());
    }

    /// <summary>Hangfire jobs not yet in a final state (succeeded, failed or deleted): enqueued, fetched, processing or scheduled.</summary>
    public Task<long> UnfinishedJobCountAsync() => BackgroundWorkProbe.UnfinishedJobsAsync(_connectionString);

    /// <inheritdoc cref="BackgroundWorkProbe.WaitUntilSettledAsync"/>
    public Task WaitForBackgroundWorkAsync(TimeSpan? timeout = null) =>
        BackgroundWorkProbe.WaitUntilSettledAsync(Services, _connectionString, timeout, () => BackgroundWork().ToString());

    private sealed class NoRelayAfterCommit : IOutboxRelayTrigger
    {
        public void RelayAfterCommit(string moduleName)
        {
        }
    }

    private sealed class NoMailAfterCommit : IMailSendTrigger
    {
        public void SendAfterCommit(IReadOnlyList<Guid> mailIds)
        {
        }
    }
}

public sealed record BackgroundWork(long Enqueued, long Processing, long Scheduled, long Failed, long Succeeded)
{
    public bool IsIdle => Enqueued == 0 && Processing == 0 && Scheduled == 0;
}
