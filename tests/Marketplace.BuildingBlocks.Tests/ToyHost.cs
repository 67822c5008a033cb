using Hangfire;
using Hangfire.Storage;
using Marketplace.BuildingBlocks.Application.Behaviors;
using Marketplace.BuildingBlocks.Infrastructure.BackgroundJobs;
using Marketplace.BuildingBlocks.Infrastructure.Mail;
using Marketplace.BuildingBlocks.Infrastructure.Messaging;
using Marketplace.BuildingBlocks.Infrastructure.Modules;
using Marketplace.BuildingBlocks.Tests.Toys;
using Marketplace.BuildingBlocks.Tests.Toys.Notes;
using Marketplace.BuildingBlocks.Tests.Toys.Tallies;
using Marketplace.BuildingBlocks.Web;
using Marketplace.Testing;
using Mediator;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.TestHost;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Marketplace.BuildingBlocks.Tests;

/// <summary>How a test wants its toy host.</summary>
public sealed record ToyHostOptions
{
    public bool BackgroundServer { get; init; } = true;

    /// <summary>False leaves committed events in the outbox, as if the process had stopped between commit and relay.</summary>
    public bool RelayAfterCommit { get; init; } = true;

    public bool SendMailAfterCommit { get; init; } = true;

    /// <summary>The toy modules to compose; Notes and Tallies unless told otherwise.</summary>
    public IReadOnlyList<ModuleDescriptor>? Modules { get; init; }

    public ToyFaults Faults { get; init; } = new();

    public Action<IServiceCollection>? Services { get; init; }

    public IReadOnlyDictionary<string, string?> Settings { get; init; } = new Dictionary<string, string?>();
}

/// <summary>
/// A host made of the building blocks alone and the toy modules: the same module composition, pipeline, outbox, relay,
/// delivery, mail and Hangfire as the real host, none of the real modules. POST /notes writes a note over HTTP.
/// </summary>
public sealed class ToyHost : IAsyncDisposable
{
    private readonly WebApplication _app;

    private ToyHost(WebApplication app, string connectionString, ToyFaults faults)
    {
        _app = app;
        ConnectionString = connectionString;
        Faults = faults;
    }

    public string ConnectionString { get; }

    public ToyFaults Faults { get; }

    public IServiceProvider Services => _app.Services;

    public static async Task<ToyHost> StartAsync(string connectionString, ToyHostOptions? options = null)
    {
        options ??= new ToyHostOptions();
        var builder = WebApplication.CreateSlimBuilder(new WebApplicationOptions { EnvironmentName = "Testing" });
        builder.WebHost.UseTestServer();
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Database:ConnectionString"] = connectionString,
            ["BackgroundJobs:ServerEnabled"] = options.BackgroundServer ? "true" : "false",
            ["BackgroundJobs:WorkerCount"] = "2",
            ["BackgroundJobs:QueuePollIntervalMs"] = "100",
            ["BackgroundJobs:SchedulePollIntervalSeconds"] = "1",
            ["Email:PickupDirectory"] = Path.Combine(Path.GetTempPath(), "marketplace-toy-mail"),
        });
        builder.Configuration.AddInMemoryCollection(options.Settings);
        builder.Logging.SetMinimumLevel(LogLevel.Critical);

        // First among the hosted services: the schemas the others need.
        builder.Services.AddHostedService<ToySchemas>();
        builder.AddModules(options.Modules ?? [NotesModule.Descriptor, TalliesModule.Descriptor]);
        builder.Services.AddMediator((MediatorOptions mediator) =>
        {
            mediator.ServiceLifetime = ServiceLifetime.Scoped;
            mediator.PipelineBehaviors = [typeof(LoggingBehavior<,>), typeof(ValidationBehavior<,>), typeof(UnitOfWorkBehavior<,>)];
        });
        builder.AddBackgroundJobs();
        builder.Services.AddProblemDetails();
        builder.Services.AddSingleton(options.Faults);
        if (!options.RelayAfterCommit)
        {
            builder.Services.Replace(ServiceDescriptor.Scoped<IOutboxRelayTrigger, NoRelayAfterCommit>());
        }

        if (!options.SendMailAfterCommit)
        {
            builder.Services.Replace(ServiceDescriptor.Scoped<IMailSendTrigger, NoMailAfterCommit>());
        }

        options.Services?.Invoke(builder.Services);

        var app = builder.Build();
        app.UseExceptionHandler();
        app.MapPost("/notes", async (WriteNote command, ISender sender, CancellationToken cancellationToken) =>
            (await sender.Send(command, cancellationToken)).ToHttpResult(note => TypedResults.Created($"/notes/{note.Id}", note)));
        try
        {
            await app.StartAsync();
        }
        catch
        {
            await app.DisposeAsync();
            throw;
        }

        return new ToyHost(app, connectionString, options.Faults);
    }

    public HttpClient CreateClient() => _app.GetTestClient();

    public async Task<T> InScopeAsync<T>(Func<IServiceProvider, Task<T>> work)
    {
        await using var scope = _app.Services.CreateAsyncScope();
        return await work(scope.ServiceProvider);
    }

    public Task<T> SendAsync<T>(ICommand<T> command) => InScopeAsync(async services => await services.GetRequiredService<ISender>().Send(command));

    public Task<int> RelayOutboxAsync(string module) =>
        InScopeAsync(services => services.GetRequiredService<OutboxRelay>().RelayPendingAsync(module, CancellationToken.None));

    public Task<int> DeliverAsync(string receivingModule, params EventDelivery[] deliveries) =>
        InScopeAsync(services => services.GetRequiredService<IntegrationEventDelivery>().TryDeliverAsync(receivingModule, deliveries, CancellationToken.None));

    /// <summary>The events in the Notes outbox, as a relay would hand them to the Tallies module.</summary>
    public Task<List<EventDelivery>> NoteDeliveriesAsync() => InScopeAsync(async services =>
        (await services.GetRequiredService<NotesDbContext>().OutboxMessages.AsNoTracking().OrderBy(m => m.OccurredAt).ToListAsync())
            .Select(m => new EventDelivery(m.Id, "notes", m.Type, m.Payload, ["tallies.count-note"]))
            .ToList());

    /// <summary>How often each note was counted.</summary>
    public Task<Dictionary<Guid, int>> TalliesAsync() => InScopeAsync(services =>
        services.GetRequiredService<TalliesDbContext>().Tallies.AsNoTracking().ToDictionaryAsync(t => t.NoteId, t => t.Count));

    public Task<List<Guid>> NoteIdsAsync() => InScopeAsync(services =>
        services.GetRequiredService<NotesDbContext>().Notes.AsNoTracking().Select(n => n.Id).ToListAsync());

    public Task<int> WaitingOutboxCountAsync() => BackgroundWorkProbe.WaitingOutboxRowsAsync(Services);

    public Task WaitForBackgroundWorkAsync(TimeSpan? timeout = null) => BackgroundWorkProbe.WaitUntilSettledAsync(Services, ConnectionString, timeout);

    public IMonitoringApi Monitoring => Services.GetRequiredService<JobStorage>().GetMonitoringApi();

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }

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

    /// <summary>The mail schema's migrations, the toy schemas from their models (they have no migrations), Hangfire's schema.</summary>
    private sealed class ToySchemas(IServiceProvider services) : IHostedService
    {
        public async Task StartAsync(CancellationToken cancellationToken)
        {
            await using var scope = services.CreateAsyncScope();
            await scope.ServiceProvider.GetRequiredService<MailDbContext>().Database.MigrateAsync(cancellationToken);
            var catalog = scope.ServiceProvider.GetRequiredService<ModuleCatalog>();
            foreach (var module in catalog.Modules)
            {
                var context = catalog.ResolveContext(scope.ServiceProvider, module);
                var exists = await context.Database.SqlQueryRaw<bool>(
                    "SELECT to_regclass({0}) IS NOT NULL AS \"Value\"", $"{module.Schema}.outbox_messages").SingleAsync(cancellationToken);
                if (!exists)
                {
                    await context.Database.ExecuteSqlRawAsync(context.Database.GenerateCreateScript(), cancellationToken);
                }
            }

            _ = scope.ServiceProvider.GetRequiredService<JobStorage>();
        }

        public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
    }
}
