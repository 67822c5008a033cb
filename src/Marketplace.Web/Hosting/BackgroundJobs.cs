using System.ComponentModel.DataAnnotations;
using Hangfire;
using Hangfire.AspNetCore;
using Hangfire.Dashboard;
using Hangfire.PostgreSql;
using Hangfire.PostgreSql.Factories;
using Marketplace.BuildingBlocks.Application;
using Marketplace.Identity.Contracts;
using Marketplace.BuildingBlocks.Infrastructure.Mail;
using Marketplace.BuildingBlocks.Infrastructure.Messaging;
using Marketplace.BuildingBlocks.Infrastructure.Modules;
using Microsoft.Extensions.Options;

namespace Marketplace.Web.Hosting;

/// <summary>Hangfire settings for a small machine: few workers, short polls (the defaults poll every 15 s with up to 20 workers).</summary>
public sealed class BackgroundJobsOptions
{
    public const string Section = "BackgroundJobs";

    /// <summary>False runs the host without a Hangfire server (jobs are still enqueued, e.g. for a web-only node or a test).</summary>
    public bool ServerEnabled { get; set; } = true;

    [Range(1, 20)]
    public int WorkerCount { get; set; } = 2;

    [Range(50, 60_000)]
    public int QueuePollIntervalMs { get; set; } = 1000;

    [Range(1, 60)]
    public int SchedulePollIntervalSeconds { get; set; } = 5;
}

public static class BackgroundJobs
{
    public const string Schema = "hangfire";

    public static WebApplicationBuilder AddBackgroundJobs(this WebApplicationBuilder builder)
    {
        builder.Services.AddOptions<BackgroundJobsOptions>().BindConfiguration(BackgroundJobsOptions.Section)
            .ValidateDataAnnotations().ValidateOnStart();
        var settings = builder.Configuration.GetSection(BackgroundJobsOptions.Section).Get<BackgroundJobsOptions>() ?? new();

        // This host's own storage and activator, registered before AddHangfire (which only adds them when missing, from
        // the static JobStorage.Current and JobActivator.Current): two hosts in one process, as in tests, stay apart.
        builder.Services.AddSingleton<JobStorage>(services =>
        {
            var storageOptions = new PostgreSqlStorageOptions
            {
                SchemaName = Schema,
                PrepareSchemaIfNecessary = true,
                QueuePollInterval = TimeSpan.FromMilliseconds(settings.QueuePollIntervalMs),
            };
            var connectionString = services.GetRequiredService<IOptions<DatabaseOptions>>().Value.ConnectionString;
            return new PostgreSqlStorage(new NpgsqlConnectionFactory(connectionString, storageOptions), storageOptions);
        });
        builder.Services.AddSingleton<JobActivator>(services => new AspNetCoreJobActivator(services.GetRequiredService<IServiceScopeFactory>()));
        builder.Services.AddHangfire((services, configuration) => configuration
            .SetDataCompatibilityLevel(CompatibilityLevel.Version_180)
            .UseSimpleAssemblyNameTypeSerializer()
            .UseRecommendedSerializerSettings()
            .UseStorage(services.GetRequiredService<JobStorage>()));

        if (settings.ServerEnabled)
        {
            builder.Services.AddHangfireServer((services, server) =>
            {
                var options = services.GetRequiredService<IOptions<BackgroundJobsOptions>>().Value;
                server.WorkerCount = options.WorkerCount;
                server.SchedulePollingInterval = TimeSpan.FromSeconds(options.SchedulePollIntervalSeconds);
                server.ServerName = $"{Environment.MachineName}:{Environment.ProcessId}:{Guid.NewGuid():N}";
            });
        }

        builder.Services.AddHostedService<OutboxSweepScheduler>();
        builder.Services.AddHostedService<MailSweepScheduler>();

        // Admins only, from anywhere (localhost included); the endpoint's Admin policy below does the signing in.
        builder.Services.AddSingleton<IDashboardAuthorizationFilter, AdminOnlyDashboardFilter>();
        return builder;
    }

    /// <summary>
    /// The dashboard as an endpoint behind the Admin policy: anonymous visitors are sent to sign in, other roles get 403.
    /// </summary>
    public static WebApplication MapBackgroundJobsDashboard(this WebApplication app)
    {
        app.MapHangfireDashboard("/hangfire", new DashboardOptions
            {
                Authorization = app.Services.GetServices<IDashboardAuthorizationFilter>().ToArray(),
                DashboardTitle = "Marketplace jobs",
                DisplayStorageConnectionString = false,
            })
            .RequireAuthorization(AuthorizationPolicies.Admin);
        return app;
    }
}

/// <summary>Checked by Hangfire itself too, so the dashboard stays closed even if it is mapped without the policy.</summary>
public sealed class AdminOnlyDashboardFilter : IDashboardAuthorizationFilter
{
    public bool Authorize(DashboardContext context) => context.GetHttpContext().User.IsInRole(Roles.Admin);
}
