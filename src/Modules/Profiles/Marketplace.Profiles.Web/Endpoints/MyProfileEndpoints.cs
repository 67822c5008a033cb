using Marketplace.BuildingBlocks.Web;
using Marketplace.Profiles.Application.Profiles;
using Marketplace.Profiles.Application.Profiles.Get;
using Marketplace.Profiles.Application.Profiles.Save;
using Marketplace.Profiles.Contracts;
using Mediator;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace Marketplace.Profiles.Web.Endpoints;

/// <summary>
/// /api/v1/me/profile: the signed-in job seeker's own profile, for a bearer token with the profile:me scope (the app
/// client's authorization code flow with PKCE). There is no way to name another seeker: the token says whose it is.
/// </summary>
internal static class MyProfileEndpoints
{
    public static void Map(IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/v1/me/profile").WithTags("Profile").RequireAuthorization(ProfileApi.Policy);

        group.MapGet("/", Get)
            .WithName("GetMyProfile")
            .WithSummary("Your skills profile, its completeness and the version to send back when changing it")
            .Produces<MyProfileDto>();

        group.MapPut("/", Put)
            .WithName("SaveMyProfile")
            .WithSummary("Replace your profile at the version you read (0 for a new one); a stale version answers 409")
            .Produces<MyProfileDto>()
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status409Conflict);
    }

    private static async Task<IResult> Get(ISender sender, CancellationToken cancellationToken) =>
        (await sender.Send(new GetMyProfile(), cancellationToken)).ToHttpResult(TypedResults.Ok);

    private static async Task<IResult> Put(SaveMyProfile command, ISender sender, CancellationToken cancellationToken)
    {
        var saved = await sender.Send(command, cancellationToken);
        if (saved.IsFailure)
        {
            return saved.ToProblem();
        }

        return (await sender.Send(new GetMyProfile(), cancellationToken)).ToHttpResult(TypedResults.Ok);
    }
}
