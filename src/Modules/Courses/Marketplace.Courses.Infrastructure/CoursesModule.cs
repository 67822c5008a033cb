using Marketplace.BuildingBlocks.Infrastructure.Modules;
using Marketplace.Courses.Application.SkillDemand;
using Marketplace.Courses.Contracts;
using Marketplace.Courses.Infrastructure.Persistence;
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
        builder.Services.AddScoped<ISkillDemandStore, SkillDemandStore>();
        builder.Services.AddScoped<ISkillDemandReport, SkillDemandReport>();
    }
}
