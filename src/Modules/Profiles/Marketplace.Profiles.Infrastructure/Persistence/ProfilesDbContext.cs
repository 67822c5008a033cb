using Marketplace.BuildingBlocks.Infrastructure.Persistence;
using Marketplace.Profiles.Domain.Cv;
using Marketplace.Profiles.Domain.Profiles;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;
using Npgsql;

namespace Marketplace.Profiles.Infrastructure.Persistence;

/// <summary>The profiles schema: seekers' profiles, their CV texts, and the outbox and inbox.</summary>
public sealed class ProfilesDbContext(DbContextOptions<ProfilesDbContext> options) : ModuleDbContext(options)
{
    public const string SchemaName = "profiles";

    public override string Schema => SchemaName;

    public DbSet<SeekerProfile> Profiles => Set<SeekerProfile>();

    public DbSet<CvDocument> CvDocuments => Set<CvDocument>();


    /// <summary>
    /// Two first saves of one seeker's profile (a double click) both find none and both insert: the second is told what
    /// it is, a change that lost a race, which the unit of work answers as a conflict to reload.
    /// </summary>
    public override async Task<int> SaveChangesAsync(bool acceptAllChangesOnSuccess, CancellationToken cancellationToken = default)
    {
        try
        {
            return await base.SaveChangesAsync(acceptAllChangesOnSuccess, cancellationToken);
        }
        catch (DbUpdateException exception) when (exception is not DbUpdateConcurrencyException
            && exception.InnerException is PostgresException { SqlState: PostgresErrorCodes.UniqueViolation, ConstraintName: "pk_profiles" or "pk_cv_documents" })
        {
            throw new DbUpdateConcurrencyException("The profile was created by another request at the same time.", exception);
        }
    }
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
