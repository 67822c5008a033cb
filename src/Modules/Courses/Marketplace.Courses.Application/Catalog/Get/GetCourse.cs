using Marketplace.BuildingBlocks.Application;
using Marketplace.BuildingBlocks.Domain;
using Marketplace.Courses.Application.Enrolments;
using Mediator;

namespace Marketplace.Courses.Application.Catalog.Get;

/// <summary>The signed-in seeker's enrolment in a course, as the course's page shows it.</summary>
public sealed record MyEnrolmentDto(string Status, int Progress, DateTimeOffset EnrolledAt, DateTimeOffset? CompletedAt);

public sealed record CoursePageDto(CourseDto Course, MyEnrolmentDto? Enrolment, bool CanEnrol, bool CanEdit);

/// <summary>A course: anyone reads a listed one; an unlisted one only admins (and seekers enrolled in it).</summary>
public sealed record GetCourse(Guid Id) : IQuery<Result<CoursePageDto>>;

public sealed class GetCourseHandler(ICourseRepository courses, IEnrolmentRepository enrolments, CourseSkills skills, ICurrentUser currentUser)
    : IQueryHandler<GetCourse, Result<CoursePageDto>>
{
    public async ValueTask<Result<CoursePageDto>> Handle(GetCourse query, CancellationToken cancellationToken)
    {
        var course = await courses.FindAsync(query.Id, cancellationToken);
        if (course is null)
        {
            return Error.NotFound("course", query.Id);
        }

        var isSeeker = currentUser.UserId is not null && currentUser.IsInRole(Roles.JobSeeker);
        var enrolment = isSeeker ? await enrolments.FindAsync(currentUser.UserId!.Value, course.Id, cancellationToken) : null;
        var isAdmin = currentUser.IsInRole(Roles.Admin);
        if (!course.Listed && !isAdmin && enrolment is null)
        {
            return Error.NotFound("course", query.Id);
        }

        return new CoursePageDto(
            CourseDto.From(course, skills),
            enrolment is null ? null : new MyEnrolmentDto(enrolment.Status.ToString(), enrolment.Progress, enrolment.EnrolledAt, enrolment.CompletedAt),
            isSeeker && course.Listed && enrolment?.Status is null or Domain.Enrolments.EnrolmentStatus.Withdrawn,
            isAdmin);
    }
}
