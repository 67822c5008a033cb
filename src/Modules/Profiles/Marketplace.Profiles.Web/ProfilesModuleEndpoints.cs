using Marketplace.Profiles.Web.Endpoints;
using Microsoft.AspNetCore.Routing;

namespace Marketplace.Profiles.Web;

public static class ProfilesModuleEndpoints
{
    public static IEndpointRouteBuilder MapProfilesModule(this IEndpointRouteBuilder app)
    {
        MyProfileEndpoints.Map(app);
        SkillSuggestionEndpoints.Map(app);
        return app;
    }
}
