using Marketplace.BuildingBlocks.Infrastructure.Persistence;
using Marketplace.Courses.Domain.Catalog;
using Marketplace.Courses.Domain.Enrolments;
using Marketplace.Courses.Domain.Imports;
using Marketplace.Courses.Domain.SkillDemand;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;
using SkillDemand = Marketplace.Courses.Domain.SkillDemand.SkillDemand;

namespace Marketplace.Courses.Infrastructure.Persistence;

/// <summary>The courses schema: the catalog, imports and their remembered mappings, enrolments, skill demand, outbox and inbox.</summary>
public sealed class CoursesDbContext(DbContextOptions<CoursesDbContext> options) : ModuleDbContext(options)
{
    public const string SchemaName = "courses";

    public override string Schema => SchemaName;

    public DbSet<SkillDemand> SkillDemand => Set<SkillDemand>();

    public DbSet<DailySkillDemand> DailySkillDemand => Set<DailySkillDemand>();

    public DbSet<Course> Courses => Set<Course>();

    public DbSet<CourseImport> Imports => Set<CourseImport>();

    public DbSet<RememberedMapping> Mappings => Set<RememberedMapping>();

    public DbSet<Enrolment> Enrolments => Set<Enrolment>();

    public DbSet<LearningSharing> LearningSharing => Set<LearningSharing>();
}

/// <summary>For `dotnet ef migrations add`: builds the model without a host or a database.</summary>
public sealed class CoursesDbContextDesignTimeFactory : IDesignTimeDbContextFactory<CoursesDbContext>
{
    public CoursesDbContext CreateDbContext(string[] args)
    {
        var options = new DbContextOptionsBuilder<CoursesDbContext>();
        options.UseModuleDatabase("Host=localhost", CoursesDbContext.SchemaName);
        return new CoursesDbContext(options.Options);
    }
}
