using Marketplace.BuildingBlocks.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;

namespace Marketplace.Identity.Infrastructure.Persistence;

/// <summary>For dotnet-ef and the architecture tests: the model without a running database.</summary>
public sealed class DesignTimeDbContextFactory : IDesignTimeDbContextFactory<IdentityModuleDbContext>
{
    public IdentityModuleDbContext CreateDbContext(string[] args)
    {
        var options = new DbContextOptionsBuilder<IdentityModuleDbContext>();
        options.UseModuleDatabase("Host=127.0.0.1;Database=design_time", IdentityModuleDbContext.SchemaName);
        return new IdentityModuleDbContext(options.Options);
    }
}
