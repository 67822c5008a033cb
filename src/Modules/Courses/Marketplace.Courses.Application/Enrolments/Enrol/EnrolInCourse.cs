using Marketplace.BuildingBlocks.Application;
using Marketplace.BuildingBlocks.Domain;
using Marketplace.Courses.Application.Catalog;
using Marketplace.Courses.Domain.Enrolments;
using Mediator;

namespace Marketplace.Courses.Application.Enrolments.Enrol;

/// <summary>A seeker enrols in a listed course (or comes back to one they left).</summary>
public sealed record EnrolInCourse(Guid CourseId) : ICommand<Result>;

public sealed class EnrolInCourseHandler(ICourseRepository courses, IEnrolmentRepository enrolments, ICurrentUser currentUser, TimeProvider clock)
    : ICommandHandler<EnrolInCourse, Result>
{
    public async ValueTask<Result> Handle(EnrolInCourse command, CancellationToken cancellationToken)
    {
        if (currentUser.UserId is not { } seekerId || !currentUser.IsInRole(Roles.JobSeeker))
        {
            return Error.Forbidden("Only job seekers enrol in courses.");
        }

        var course = await courses.FindAsync(command.CourseId, cancellationToken);
        if (course is null || !course.Listed)
        {
            return Error.NotFound("course", command.CourseId);
        }

        var now = clock.GetUtcNow();
        var existing = await enrolments.GetForUpdateAsync(seekerId, course.Id, cancellationToken);
        if (existing is not null)
        {
            return existing.Resume(now);
        }

        enrolments.Add(Enrolment.Start(Guid.CreateVersion7(now), seekerId, course.Id, now));
        return Result.Success();
    }
}
