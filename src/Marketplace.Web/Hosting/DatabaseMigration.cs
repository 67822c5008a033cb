using Hangfire;
using Marketplace.BuildingBlocks.Infrastructure.Persistence;

namespace Marketplace.Web.Hosting;

public sealed class DatabaseMigrationOptions
{
    public const string Section = "Database";

    /// <summary>Apply migrations when the app starts (development, tests, run.sh). Production runs `migrate` instead.</summary>
    public bool MigrateOnStartup { get; set; } = true;
}

/// <summary>
/// Registered before Hangfire's server and the outbox sweep, so hosted services that need the tables find them.
/// Also installs Hangfire's schema, which its storage creates when first resolved.
/// </summary>
public sealed class DatabaseMigrationHostedService(IServiceProvider services, IConfiguration configuration) : IHostedService
{
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        var options = configuration.GetSection(DatabaseMigrationOptions.Section).Get<DatabaseMigrationOptions>() ?? new();
        if (options.MigrateOnStartup)
        {
            await MigrateAsync(services, cancellationToken);
        }
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public static async Task MigrateAsync(IServiceProvider services, CancellationToken cancellationToken)
    {
        await DatabaseMigrator.MigrateAsync(services, cancellationToken);
        _ = services.GetRequiredService<JobStorage>();
    }
}
