using Marketplace.BuildingBlocks.Infrastructure.Mail;
using Marketplace.BuildingBlocks.Infrastructure.Modules;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Marketplace.BuildingBlocks.Infrastructure.Persistence;

/// <summary>Applies every module's migrations, each in its own schema, and the mail block's; used at start-up and by `migrate`.</summary>
public static class DatabaseMigrator
{
    public static async Task MigrateAsync(IServiceProvider services, CancellationToken cancellationToken = default)
    {
        var catalog = services.GetRequiredService<ModuleCatalog>();
        await using (var scope = services.CreateAsyncScope())
        {
            if (scope.ServiceProvider.GetService<MailDbContext>() is { } mail)
            {
                await mail.Database.MigrateAsync(cancellationToken);
            }
        }

        foreach (var module in catalog.Modules)
        {
            await using var scope = services.CreateAsyncScope();
            var context = catalog.ResolveContext(scope.ServiceProvider, module);
            await context.Database.MigrateAsync(cancellationToken);
        }
    }
}
