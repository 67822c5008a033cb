using Microsoft.AspNetCore.Routing;

namespace Marketplace.Profiles.Web;

public static class ProfilesModuleEndpoints
{
    /// <summary>The Profiles module has no endpoints yet; the host already composes it so they only need adding here.</summary>
    public static IEndpointRouteBuilder MapProfilesModule(this IEndpointRouteBuilder app) => app;
}
