using Marketplace.BuildingBlocks.Infrastructure.Modules;
using Marketplace.Profiles.Infrastructure.Persistence;
using Microsoft.AspNetCore.Builder;

namespace Marketplace.Profiles.Infrastructure;

public static class ProfilesModule
{
    public const string Name = "profiles";

    public static WebApplicationBuilder AddProfilesModule(this WebApplicationBuilder builder)
    {
        builder.Services.AddModule<ProfilesDbContext>(Name, ProfilesDbContext.SchemaName, typeof(ProfilesModule).Assembly);
        return builder;
    }
}
