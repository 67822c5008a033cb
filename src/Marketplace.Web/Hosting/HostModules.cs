using Marketplace.BuildingBlocks.Infrastructure.Modules;
using Marketplace.BuildingBlocks.Web;
using Marketplace.Courses.Infrastructure;
using Marketplace.Identity.Infrastructure;
using Marketplace.Jobs.Infrastructure;
using Marketplace.Matching.Infrastructure;
using Marketplace.Profiles.Infrastructure;

namespace Marketplace.Web.Hosting;

/// <summary>
/// The modules this host is made of, the one list every consumer reads: adding a module is a line here, its folder under
/// src/Modules and the ProjectReferences to its Infrastructure and Web projects (docs/architecture.md, "How to add a module").
/// </summary>
public static class HostModules
{
    public static IReadOnlyList<ModuleDescriptor> All { get; } =
    [
        ProfilesModule.Descriptor,
        JobsModule.Descriptor,
        CoursesModule.Descriptor,
        MatchingModule.Descriptor,
        IdentityModule.Descriptor,
    ];

    /// <summary>Maps the endpoints of every module: the one <see cref="IModuleEndpoints"/> in each module's Web project.</summary>
    public static IEndpointRouteBuilder MapModules(this IEndpointRouteBuilder endpoints)
    {
        foreach (var module in All)
        {
            foreach (var type in EndpointTypes(module))
            {
                ((IModuleEndpoints)Activator.CreateInstance(type)!).Map(endpoints);
            }
        }

        return endpoints;
    }

    public static IReadOnlyList<Type> EndpointTypes(ModuleDescriptor module) =>
        [.. module.Layer(ModuleLayer.Web).GetTypes().Where(t => t is { IsClass: true, IsAbstract: false } && typeof(IModuleEndpoints).IsAssignableFrom(t))];
}
