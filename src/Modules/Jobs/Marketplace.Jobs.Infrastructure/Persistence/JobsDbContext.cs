using Marketplace.BuildingBlocks.Infrastructure.Persistence;
using Marketplace.Jobs.Domain.Applications;
using Marketplace.Jobs.Domain.Companies;
using Marketplace.Jobs.Domain.Moderation;
using Marketplace.Jobs.Domain.Postings;
using Marketplace.Jobs.Domain.SavedSearches;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;
using Npgsql;

namespace Marketplace.Jobs.Infrastructure.Persistence;

public sealed class JobsDbContext(DbContextOptions<JobsDbContext> options) : ModuleDbContext(options)
{
    public const string SchemaName = "jobs";

    /// <summary>The order in which the alert sweep announces published postings (see <see cref="PostingSearchColumns"/>).</summary>
    public const string AnnounceSequence = "posting_announcements";

    public override string Schema => SchemaName;

    public DbSet<JobPosting> Postings => Set<JobPosting>();

    public DbSet<Company> Companies => Set<Company>();

    public DbSet<PostingReport> Reports => Set<PostingReport>();

    public DbSet<SavedSearch> SavedSearches => Set<SavedSearch>();

    public DbSet<JobApplication> Applications => Set<JobApplication>();

    public DbSet<RejectionTemplates> RejectionTemplates => Set<RejectionTemplates>();

    public override int SaveChanges(bool acceptAllChangesOnSuccess)
    {
        PostingSearchColumns.Update(ChangeTracker);
        return base.SaveChanges(acceptAllChangesOnSuccess);
    }

    public override Task<int> SaveChangesAsync(bool acceptAllChangesOnSuccess, CancellationToken cancellationToken = default)
    {
        PostingSearchColumns.Update(ChangeTracker);
        return SaveOrConflictAsync(acceptAllChangesOnSuccess, cancellationToken);
    }

    /// <summary>
    /// Two applications of one seeker to one posting at once (a double click) both pass the check and both insert: the
    /// second is a change that lost a race, which the unit of work answers as a conflict.
    /// </summary>
    private async Task<int> SaveOrConflictAsync(bool acceptAllChangesOnSuccess, CancellationToken cancellationToken)
    {
        try
        {
            return await base.SaveChangesAsync(acceptAllChangesOnSuccess, cancellationToken);
        }
        catch (DbUpdateException exception) when (exception is not DbUpdateConcurrencyException
            && exception.InnerException is PostgresException { SqlState: PostgresErrorCodes.UniqueViolation, ConstraintName: "ix_applications_posting_id_applicant_id" or "pk_rejection_templates" })
        {
            throw new DbUpdateConcurrencyException("The application was submitted by another request at the same time.", exception);
        }
    }

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        base.OnModelCreating(modelBuilder);
        modelBuilder.HasSequence<long>(AnnounceSequence, SchemaName);
    }
}

/// <summary>For `dotnet ef migrations add`: builds the model without a host or a database.</summary>
public sealed class JobsDbContextDesignTimeFactory : IDesignTimeDbContextFactory<JobsDbContext>
{
    public JobsDbContext CreateDbContext(string[] args)
    {
        var options = new DbContextOptionsBuilder<JobsDbContext>();
        options.UseModuleDatabase("Host=localhost", JobsDbContext.SchemaName);
        return new JobsDbContext(options.Options);
    }
}
