using Marketplace.BuildingBlocks.Application;
using Marketplace.BuildingBlocks.Domain;
using Mediator;

namespace Marketplace.Courses.Application.Catalog.Listing;

/// <summary>An admin takes a course off the catalog (seekers no longer find it; enrolments stay) or puts it back.</summary>
public sealed record SetCourseListed(Guid Id, bool Listed) : ICommand<Result>;

public sealed class SetCourseListedHandler(ICourseRepository courses, ICurrentUser currentUser, TimeProvider clock) : ICommandHandler<SetCourseListed, Result>
{
    public async ValueTask<Result> Handle(SetCourseListed command, CancellationToken cancellationToken)
    {
        if (!currentUser.IsInRole(Roles.Admin))
        {
            return Error.Forbidden("Only admins keep the course catalog.");
        }

        var course = await courses.GetForUpdateAsync(command.Id, cancellationToken);
        if (course is null)
        {
            return Error.NotFound("course", command.Id);
        }

        course.List(command.Listed, clock.GetUtcNow());
        return Result.Success();
    }
}
