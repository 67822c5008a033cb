using Marketplace.BuildingBlocks.Infrastructure.Modules;
using Marketplace.Courses.Application.Catalog;
using Marketplace.Courses.Application.Enrolments;
using Marketplace.Courses.Application.Enrolments.PersonalData;
using Marketplace.Courses.Application.Enrolments.Sharing;
using Marketplace.Courses.Application.Imports;
using Marketplace.Courses.Application.SkillDemand;
using Marketplace.Courses.Contracts;
using Marketplace.Courses.Infrastructure.Imports;
using Marketplace.Courses.Infrastructure.Persistence;
using Marketplace.Courses.Infrastructure.Skills;
using Marketplace.Identity.Contracts;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace Marketplace.Courses.Infrastructure;

public static class CoursesModule
{
    public static ModuleDescriptor Descriptor { get; } = new()
    {
        Title = "Courses",
        Schema = CoursesDbContext.SchemaName,
        DbContext = typeof(CoursesDbContext),
        Services = AddServices,
    };

    public static string Name => Descriptor.Name;

    private static void AddServices(IHostApplicationBuilder builder)
    {
        var services = builder.Services;
        services.AddScoped<ISkillDemandStore, SkillDemandStore>();
        services.AddScoped<ISkillDemandReport, SkillDemandReport>();
        services.AddSingleton<ICourseTaxonomy, SharedCourseTaxonomy>();
        services.AddSingleton<CourseSkills>();
        services.AddScoped<ICourseRepository, CourseRepository>();
        services.AddScoped<ICourseImportRepository, ImportRepository>();
        services.AddScoped<IEnrolmentRepository, EnrolmentRepository>();
        services.AddSingleton<ICsvReader, SepCsvReader>();
        services.AddScoped<ICourseImportQueue, HangfireCourseImportQueue>();
        services.AddTransient<CourseImportJob>();
        services.AddScoped<IPersonalDataSource, CoursesPersonalData>();
        services.AddScoped<ISharedLearning, SharedLearning>();
    }
}
