using Hangfire;
using Marketplace.BuildingBlocks.Infrastructure.Modules;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Options;

namespace Marketplace.Web.Hosting;

public static class Health
{
    private const string Ready = "ready";

    public static WebApplicationBuilder AddHealth(this WebApplicationBuilder builder)
    {
        builder.Services.AddHealthChecks()
            .AddNpgSql(services => services.GetRequiredService<IOptions<DatabaseOptions>>().Value.ConnectionString, name: "database", tags: [Ready])
            .AddCheck<HangfireStorageHealthCheck>("hangfire", tags: [Ready]);
        return builder;
    }

    public static WebApplication MapHealth(this WebApplication app)
    {
        // Live: the process answers. Ready: it can reach what it needs to do work.
        app.MapHealthChecks("/health/live", new() { Predicate = _ => false });
        app.MapHealthChecks("/health/ready", new() { Predicate = check => check.Tags.Contains(Ready) });
        return app;
    }
}

internal sealed class HangfireStorageHealthCheck(JobStorage storage) : IHealthCheck
{
    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        try
        {
            using var connection = storage.GetConnection();
            var servers = storage.GetMonitoringApi().Servers().Count;
            return Task.FromResult(HealthCheckResult.Healthy($"{servers} Hangfire server(s) registered."));
        }
        catch (Exception exception)
        {
            return Task.FromResult(HealthCheckResult.Unhealthy("Hangfire storage is unreachable.", exception));
        }
    }
}
