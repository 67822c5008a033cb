using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;

namespace Marketplace.Identity.Infrastructure.Persistence;

/// <summary>For dotnet-ef only: migrations are generated without a running database.</summary>
public sealed class DesignTimeDbContextFactory : IDesignTimeDbContextFactory<IdentityModuleDbContext>
{
    public IdentityModuleDbContext CreateDbContext(string[] args)
    {
        var options = new DbContextOptionsBuilder<IdentityModuleDbContext>();
        IdentityPersistence.Configure(options, "Host=127.0.0.1;Database=design_time");
        return new IdentityModuleDbContext(options.Options);
    }
}
