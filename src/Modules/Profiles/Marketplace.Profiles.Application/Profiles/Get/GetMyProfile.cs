using Marketplace.BuildingBlocks.Application;
using Marketplace.BuildingBlocks.Domain;
using Marketplace.Profiles.Application.Taxonomy;
using Mediator;

namespace Marketplace.Profiles.Application.Profiles.Get;

/// <summary>The signed-in seeker's own profile (an empty one, version 0, before they save anything).</summary>
public sealed record GetMyProfile : IQuery<Result<MyProfileDto>>;

public sealed class GetMyProfileHandler(IProfileRepository profiles, ITaxonomy taxonomy, ICurrentUser currentUser)
    : IQueryHandler<GetMyProfile, Result<MyProfileDto>>
{
    public async ValueTask<Result<MyProfileDto>> Handle(GetMyProfile query, CancellationToken cancellationToken)
    {
        if (currentUser.UserId is not { } userId || !currentUser.IsInRole(Roles.JobSeeker))
        {
            return Error.Forbidden("Only job seekers keep a skills profile.");
        }

        var profile = await profiles.FindAsync(userId, cancellationToken);
        var cv = await profiles.FindCvAsync(userId, cancellationToken);
        return MyProfileDto.From(profile, cv, taxonomy);
    }
}
