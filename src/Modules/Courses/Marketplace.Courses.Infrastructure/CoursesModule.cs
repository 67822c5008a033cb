using Marketplace.BuildingBlocks.Application;
using Marketplace.BuildingBlocks.Infrastructure.Modules;
using Marketplace.Courses.Application.SkillDemand;
using Marketplace.Courses.Infrastructure.Persistence;
using Marketplace.Jobs.Contracts;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;

namespace Marketplace.Courses.Infrastructure;

public static class CoursesModule
{
    public const string Name = "courses";

    public static WebApplicationBuilder AddCoursesModule(this WebApplicationBuilder builder)
    {
        builder.Services.AddModule<CoursesDbContext>(Name, CoursesDbContext.SchemaName, typeof(ISkillDemandStore).Assembly);
        builder.Services.AddScoped<ISkillDemandStore, SkillDemandStore>();
        builder.Services.AddScoped<IIntegrationEventHandler<PostingPublished>, CountSkillDemand>();
        return builder;
    }
}
