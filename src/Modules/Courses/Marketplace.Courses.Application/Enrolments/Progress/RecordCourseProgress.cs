using FluentValidation;
using Marketplace.BuildingBlocks.Application;
using Marketplace.BuildingBlocks.Domain;
using Marketplace.Courses.Application.Catalog;
using Marketplace.Courses.Contracts;
using Marketplace.Courses.Domain.Enrolments;
using Mediator;

namespace Marketplace.Courses.Application.Enrolments.Progress;

/// <summary>A seeker records how far they are in a course they take (100 completes it).</summary>
public sealed record RecordCourseProgress(Guid CourseId, int Progress) : ICommand<Result>;

/// <summary>A seeker completes a course: its skills reach their profile through <see cref="CourseCompleted"/>.</summary>
public sealed record CompleteCourse(Guid CourseId) : ICommand<Result>;

/// <summary>A seeker leaves a course they take; the record stays and enrolling again resumes it.</summary>
public sealed record LeaveCourse(Guid CourseId) : ICommand<Result>;

public sealed class RecordCourseProgressValidator : AbstractValidator<RecordCourseProgress>
{
    public RecordCourseProgressValidator() =>
        RuleFor(c => c.Progress).InclusiveBetween(0, 100).WithMessage("Progress is a percentage from 0 to 100.");
}

public sealed class EnrolmentChangeHandlers(
    ICourseRepository courses,
    IEnrolmentRepository enrolments,
    IIntegrationEventPublisher events,
    ICurrentUser currentUser,
    TimeProvider clock)
    : ICommandHandler<RecordCourseProgress, Result>, ICommandHandler<CompleteCourse, Result>, ICommandHandler<LeaveCourse, Result>
{
    public ValueTask<Result> Handle(RecordCourseProgress command, CancellationToken cancellationToken) =>
        ChangeAsync(command.CourseId, (e, now) => e.RecordProgress(command.Progress, now), cancellationToken);

    public ValueTask<Result> Handle(CompleteCourse command, CancellationToken cancellationToken) =>
        ChangeAsync(command.CourseId, (e, now) => e.Complete(now), cancellationToken);

    public ValueTask<Result> Handle(LeaveCourse command, CancellationToken cancellationToken) =>
        ChangeAsync(command.CourseId, (e, now) => e.Withdraw(now), cancellationToken);

    private async ValueTask<Result> ChangeAsync(Guid courseId, Func<Enrolment, DateTimeOffset, Result> change, CancellationToken cancellationToken)
    {
        if (currentUser.UserId is not { } seekerId || !currentUser.IsInRole(Roles.JobSeeker))
        {
            return Error.Forbidden("Only job seekers take courses.");
        }

        // Only the seeker's own enrolment is ever looked up: another's course id finds nothing.
        var enrolment = await enrolments.GetForUpdateAsync(seekerId, courseId, cancellationToken);
        if (enrolment is null)
        {
            return Error.NotFound("enrolment", courseId);
        }

        var now = clock.GetUtcNow();
        var wasCompleted = enrolment.Status == EnrolmentStatus.Completed;
        var changed = change(enrolment, now);
        if (changed.IsFailure || wasCompleted || enrolment.Status != EnrolmentStatus.Completed)
        {
            return changed;
        }

        var course = await courses.FindAsync(courseId, cancellationToken) ?? throw new InvalidOperationException($"Course {courseId} of an enrolment is gone.");
        events.Publish(new CourseCompleted(
            Guid.CreateVersion7(now),
            now,
            seekerId,
            course.Id,
            course.Title,
            [.. course.Teaches.Select(t => new CourseSkillData(t.SkillId, t.UpToLevel))]));
        return changed;
    }
}
