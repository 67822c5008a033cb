using Marketplace.BuildingBlocks.Web;
using Marketplace.Profiles.Web.Endpoints;
using Microsoft.AspNetCore.Routing;

namespace Marketplace.Profiles.Web;

/// <summary>The seeker's own profile API and the skill pickers' suggestions; the pages come with the host's MapRazorPages.</summary>
public sealed class ProfilesModuleEndpoints : IModuleEndpoints
{
    public void Map(IEndpointRouteBuilder endpoints)
    {
        MyProfileEndpoints.Map(endpoints);
        SkillSuggestionEndpoints.Map(endpoints);
    }
}
