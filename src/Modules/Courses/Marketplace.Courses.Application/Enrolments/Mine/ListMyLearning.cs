using Marketplace.BuildingBlocks.Application;
using Marketplace.BuildingBlocks.Domain;
using Marketplace.Courses.Application.Catalog;
using Mediator;

namespace Marketplace.Courses.Application.Enrolments.Mine;

public sealed record LearningDto(CourseDto Course, string Status, int Progress, DateTimeOffset EnrolledAt, DateTimeOffset? CompletedAt);

/// <summary>The seeker's courses and whether the companies they apply to see the ones taught for their postings' skills.</summary>
public sealed record MyLearningDto(IReadOnlyList<LearningDto> Courses, bool SharesWithEmployers);

/// <summary>The signed-in seeker's courses: in progress first, then completed, then left.</summary>
public sealed record ListMyLearning : IQuery<Result<MyLearningDto>>;

public sealed class ListMyLearningHandler(IEnrolmentRepository enrolments, ICourseRepository courses, CourseSkills skills, ICurrentUser currentUser)
    : IQueryHandler<ListMyLearning, Result<MyLearningDto>>
{
    public async ValueTask<Result<MyLearningDto>> Handle(ListMyLearning query, CancellationToken cancellationToken)
    {
        if (currentUser.UserId is not { } seekerId || !currentUser.IsInRole(Roles.JobSeeker))
        {
            return Error.Forbidden("Only job seekers take courses.");
        }

        var mine = await enrolments.ListAsync(seekerId, cancellationToken);
        var byId = (await courses.FindManyAsync([.. mine.Select(e => e.CourseId)], cancellationToken)).ToDictionary(c => c.Id);
        var sharing = await enrolments.FindSharingAsync(seekerId, cancellationToken);
        return new MyLearningDto(
            [.. mine
                .Where(e => byId.ContainsKey(e.CourseId))
                .OrderBy(e => e.Status)
                .ThenByDescending(e => e.UpdatedAt)
                .Select(e => new LearningDto(CourseDto.From(byId[e.CourseId], skills), e.Status.ToString(), e.Progress, e.EnrolledAt, e.CompletedAt))],
            sharing?.WithEmployers ?? false);
    }
}
