using Marketplace.BuildingBlocks.Application;
using Marketplace.BuildingBlocks.Domain;
using Marketplace.Courses.Application.Catalog;
using Mediator;

namespace Marketplace.Courses.Application.Enrolments.Mine;

public sealed record LearningDto(CourseDto Course, string Status, int Progress, DateTimeOffset EnrolledAt, DateTimeOffset? CompletedAt);

/// <summary>The signed-in seeker's courses: in progress first, then completed, then left.</summary>
public sealed record ListMyLearning : IQuery<Result<IReadOnlyList<LearningDto>>>;

public sealed class ListMyLearningHandler(IEnrolmentRepository enrolments, ICourseRepository courses, CourseSkills skills, ICurrentUser currentUser)
    : IQueryHandler<ListMyLearning, Result<IReadOnlyList<LearningDto>>>
{
    public async ValueTask<Result<IReadOnlyList<LearningDto>>> Handle(ListMyLearning query, CancellationToken cancellationToken)
    {
        if (currentUser.UserId is not { } seekerId || !currentUser.IsInRole(Roles.JobSeeker))
        {
            return Error.Forbidden("Only job seekers take courses.");
        }

        var mine = await enrolments.ListAsync(seekerId, cancellationToken);
        var byId = (await courses.FindManyAsync([.. mine.Select(e => e.CourseId)], cancellationToken)).ToDictionary(c => c.Id);
        return Result<IReadOnlyList<LearningDto>>.Success([.. mine
            .Where(e => byId.ContainsKey(e.CourseId))
            .OrderBy(e => e.Status)
            .ThenByDescending(e => e.UpdatedAt)
            .Select(e => new LearningDto(CourseDto.From(byId[e.CourseId], skills), e.Status.ToString(), e.Progress, e.EnrolledAt, e.CompletedAt))]);
    }
}
