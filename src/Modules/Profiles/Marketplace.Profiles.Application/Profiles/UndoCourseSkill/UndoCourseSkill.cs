using Marketplace.BuildingBlocks.Application;
using Marketplace.BuildingBlocks.Domain;
using Mediator;

namespace Marketplace.Profiles.Application.Profiles.UndoCourseSkill;

/// <summary>The seeker undoes what a completed course did to a skill: back to the level before it, or removed if the course added it.</summary>
public sealed record UndoCourseSkill(long Version, string SkillId) : ICommand<Result<long>>;

public sealed class UndoCourseSkillHandler(IProfileRepository profiles, IIntegrationEventPublisher events, ICurrentUser currentUser, TimeProvider clock)
    : ICommandHandler<UndoCourseSkill, Result<long>>
{
    public async ValueTask<Result<long>> Handle(UndoCourseSkill command, CancellationToken cancellationToken)
    {
        if (currentUser.UserId is not { } userId || !currentUser.IsInRole(Roles.JobSeeker))
        {
            return Error.Forbidden("Only job seekers keep a skills profile.");
        }

        var profile = await profiles.GetForUpdateAsync(userId, command.Version, cancellationToken);
        if (profile is null)
        {
            return Error.NotFound("profile", "of the current user");
        }

        if (profile.Revision != command.Version)
        {
            return Error.Conflict("profile.stale_version", "Your profile changed since you read it; reload it and try again.");
        }

        var now = clock.GetUtcNow();
        var undone = profile.UndoCourseSkill(command.SkillId, now);
        if (undone.IsFailure)
        {
            return Result<long>.Failure(undone.Errors);
        }

        events.Publish(ProfileEventsMapping.Changed(profile, now));
        return profile.Revision;
    }
}
