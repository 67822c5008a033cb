using Microsoft.EntityFrameworkCore;

namespace Marketplace.Identity.Infrastructure.Persistence;

internal static class IdentityPersistence
{
    public static void Configure(DbContextOptionsBuilder options, string connectionString) =>
        options
            .UseNpgsql(connectionString, npgsql => npgsql.MigrationsHistoryTable("__ef_migrations_history", IdentityModuleDbContext.Schema))
            .UseSnakeCaseNamingConvention()
            .UseOpenIddict();
}
