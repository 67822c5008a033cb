using Marketplace.BuildingBlocks.Infrastructure.Persistence;
using Marketplace.Profiles.Domain.Cv;
using Marketplace.Profiles.Domain.Profiles;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;

namespace Marketplace.Profiles.Infrastructure.Persistence;

/// <summary>The profiles schema: seekers' profiles, their CV texts, unrecognised-mention counts, and the outbox and inbox.</summary>
public sealed class ProfilesDbContext(DbContextOptions<ProfilesDbContext> options) : ModuleDbContext(options)
{
    public const string SchemaName = "profiles";

    public override string Schema => SchemaName;

    public DbSet<SeekerProfile> Profiles => Set<SeekerProfile>();

    public DbSet<CvDocument> CvDocuments => Set<CvDocument>();

    public DbSet<UnrecognisedMention> UnrecognisedMentions => Set<UnrecognisedMention>();
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
