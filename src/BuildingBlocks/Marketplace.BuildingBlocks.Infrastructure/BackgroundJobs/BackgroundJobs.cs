using System.ComponentModel.DataAnnotations;
using Hangfire;
using Hangfire.AspNetCore;
using Hangfire.PostgreSql;
using Hangfire.PostgreSql.Factories;
using Marketplace.BuildingBlocks.Infrastructure.Mail;
using Marketplace.BuildingBlocks.Infrastructure.Messaging;
using Marketplace.BuildingBlocks.Infrastructure.Modules;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace Marketplace.BuildingBlocks.Infrastructure.BackgroundJobs;

/// <summary>Hangfire settings for a small machine: few workers (the default starts 5 a core, up to 20).</summary>
public sealed class BackgroundJobsOptions
{
    public const string Section = "BackgroundJobs";

    /// <summary>False runs the host without a Hangfire server (jobs are still enqueued, e.g. for a web-only node or a test).</summary>
    public bool ServerEnabled { get; set; } = true;

    [Range(1, 20)]
    public int WorkerCount { get; set; } = 2;

    /// <summary>How long an idle worker waits before looking at the queue itself; an enqueued job wakes it at once (NOTIFY).</summary>
    [Range(50, 60_000)]
    public int QueuePollIntervalMs { get; set; } = 1000;

    [Range(1, 60)]
    public int SchedulePollIntervalSeconds { get; set; } = 5;

    /// <summary>
    /// After this long without a heartbeat a fetched job is given to another worker: the worker that took it died, or lost
    /// the database while it ran. A running job keeps extending it (sliding), so it bounds recovery, not job length.
    /// </summary>
    [Range(5, 3600)]
    public int InvisibilityTimeoutSeconds { get; set; } = 60;

    /// <summary>
    /// After this long a Hangfire lock row is taken for abandoned: its holder lost its connection before deleting it (as in
    /// a PostgreSQL restart), and the job it guarded waits until then. Hangfire's own locks are held for milliseconds, and
    /// no job of ours takes one, so a short timeout steals none from a live holder.
    /// </summary>
    [Range(5, 3600)]
    public int DistributedLockTimeoutSeconds { get; set; } = 30;
}

public static class BackgroundJobs
{
    public const string Schema = "hangfire";

    /// <summary>
    /// Hangfire on PostgreSQL (its own schema, LISTEN/NOTIFY so an enqueued job starts at once), a server unless disabled,
    /// and the recurring sweeps of outboxes and mail.
    /// </summary>
    public static IHostApplicationBuilder AddBackgroundJobs(this IHostApplicationBuilder builder)
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
                EnableLongPolling = true,
                QueuePollInterval = TimeSpan.FromMilliseconds(settings.QueuePollIntervalMs),
                UseSlidingInvisibilityTimeout = true,
                InvisibilityTimeout = TimeSpan.FromSeconds(settings.InvisibilityTimeoutSeconds),
                DistributedLockTimeout = TimeSpan.FromSeconds(settings.DistributedLockTimeoutSeconds),
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
        return builder;
    }
}
