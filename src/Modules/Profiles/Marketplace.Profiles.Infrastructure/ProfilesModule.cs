using Marketplace.BuildingBlocks.Infrastructure.Modules;
using Marketplace.Profiles.Infrastructure.Persistence;

namespace Marketplace.Profiles.Infrastructure;

public static class ProfilesModule
{
    public static ModuleDescriptor Descriptor { get; } = new()
    {
        Title = "Profiles",
        Schema = ProfilesDbContext.SchemaName,
        DbContext = typeof(ProfilesDbContext),
    };

    public static string Name => Descriptor.Name;
}
