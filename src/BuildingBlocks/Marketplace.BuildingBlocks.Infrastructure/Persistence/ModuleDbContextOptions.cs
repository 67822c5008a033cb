using Microsoft.EntityFrameworkCore;

namespace Marketplace.BuildingBlocks.Infrastructure.Persistence;

/// <summary>
/// The one way a module's DbContext talks to PostgreSQL: its schema's migrations history, the retries of
/// <see cref="ModuleExecutionStrategy"/>, snake_case names.
/// </summary>
public static class ModuleDbContextOptions
{
    public static DbContextOptionsBuilder UseModuleDatabase(this DbContextOptionsBuilder options, string connectionString, string schema) =>
        options
            .UseNpgsql(connectionString, npgsql => npgsql
                .MigrationsHistoryTable("__ef_migrations_history", schema)
                .ExecutionStrategy(dependencies => new ModuleExecutionStrategy(dependencies)))
            .UseSnakeCaseNamingConvention();
}
