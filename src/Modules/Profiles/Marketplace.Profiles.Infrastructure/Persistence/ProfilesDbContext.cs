using Marketplace.BuildingBlocks.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;

namespace Marketplace.Profiles.Infrastructure.Persistence;

/// <summary>The Profiles schema; so far only its outbox and inbox (profiles themselves come with the profiles issue).</summary>
public sealed class ProfilesDbContext(DbContextOptions<ProfilesDbContext> options) : ModuleDbContext(options)
{
    public const string SchemaName = "profiles";

    public override string Schema => SchemaName;
}

/// <summary>For `dotnet ef migrations add`: builds the model without a host or a database.</summary>
public sealed class ProfilesDbContextDesignTimeFactory : IDesignTimeDbContextFactory<ProfilesDbContext>
{
    public ProfilesDbContext CreateDbContext(string[] args)
    {
        var options = new DbContextOptionsBuilder<ProfilesDbContext>();
        options.UseModuleDatabase("Host=localhost", ProfilesDbContext.SchemaName);
        return new ProfilesDbContext(options.Options);
    }
}
