using Marketplace.BuildingBlocks.Infrastructure.BackgroundJobs;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Http.Features;

namespace Marketplace.Web.Hosting;

/// <summary>
/// `dotnet Marketplace.Web.dll worker`: the same host with every module, Hangfire server and hosted service (the matching
/// engine's change feed included), but no HTTP server, so operators add background capacity by starting more of them on any
/// machine that reaches the database. The composition is the web host's own, so a worker cannot drift from it.
/// </summary>
public static class WorkerMode
{
    public const string Command = "worker";

    public static bool IsWorker(string[] args) => args.Contains(Command);

    public static WebApplicationBuilder UseWorkerMode(this WebApplicationBuilder builder)
    {
        // A worker without a Hangfire server would do nothing at all.
        builder.Configuration[$"{BackgroundJobsOptions.Section}:{nameof(BackgroundJobsOptions.ServerEnabled)}"] = "true";
        builder.WebHost.UseServer(new NoHttpServer());
        return builder;
    }

    /// <summary>Takes the place of Kestrel: the host starts and stops as usual, and no socket is opened.</summary>
    private sealed class NoHttpServer : IServer
    {
        public IFeatureCollection Features { get; } = new FeatureCollection();

        public Task StartAsync<TContext>(IHttpApplication<TContext> application, CancellationToken cancellationToken)
            where TContext : notnull => Task.CompletedTask;

        public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

        public void Dispose()
        {
        }
    }
}
