using Marketplace.BuildingBlocks.Application;
using Marketplace.BuildingBlocks.Infrastructure.Modules;
using Marketplace.Identity.Contracts;
using Marketplace.Profiles.Application.Import;
using Marketplace.Profiles.Application.Profiles;
using Marketplace.Profiles.Application.Profiles.Erase;
using Marketplace.Profiles.Application.Profiles.PersonalData;
using Marketplace.Profiles.Application.Taxonomy;
using Marketplace.Profiles.Infrastructure.Import;
using Marketplace.Profiles.Infrastructure.Persistence;
using Marketplace.Profiles.Infrastructure.Taxonomy;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;

namespace Marketplace.Profiles.Infrastructure;

public static class ProfilesModule
{
    public const string Name = "profiles";

    public static WebApplicationBuilder AddProfilesModule(this WebApplicationBuilder builder)
    {
        // The Application assembly holds the commands, validators and handlers the shared machinery must find.
        builder.Services.AddModule<ProfilesDbContext>(Name, ProfilesDbContext.SchemaName, typeof(IProfileRepository).Assembly);
        builder.Services.AddScoped<IProfileRepository, ProfileRepository>();
        builder.Services.AddScoped<ITaxonomy, SkillsLibraryTaxonomy>();
        builder.Services.AddSingleton<ICvTextReader, CvTextReader>();
        builder.Services.AddCvReadingRateLimit();
        builder.Services.AddScoped<IIntegrationEventHandler<UserDeleted>, EraseDeletedSeeker>();
        builder.Services.AddScoped<IPersonalDataSource, ProfilesPersonalData>();
        return builder;
    }
}
