using Marketplace.BuildingBlocks.Infrastructure.Persistence;
using Marketplace.Jobs.Domain.Companies;
using Marketplace.Jobs.Domain.Postings;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;

namespace Marketplace.Jobs.Infrastructure.Persistence;

public sealed class JobsDbContext(DbContextOptions<JobsDbContext> options) : ModuleDbContext(options)
{
    public const string SchemaName = "jobs";

    public override string Schema => SchemaName;

    public DbSet<JobPosting> Postings => Set<JobPosting>();

    public DbSet<Company> Companies => Set<Company>();
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
