using Marketplace.BuildingBlocks.Application;
using Marketplace.Courses.Application.Catalog;
using Marketplace.Identity.Contracts;

namespace Marketplace.Courses.Application.Enrolments.PersonalData;

/// <summary>The Courses module's part of a user's data export: their enrolments, with each course's title and link, and whether they share their learning with employers.</summary>
public sealed class CoursesPersonalData(IEnrolmentRepository enrolments, ICourseRepository courses) : IPersonalDataSource
{
    public string Module => "courses";

    public async Task<object?> ExportAsync(Guid userId, CancellationToken cancellationToken)
    {
        var mine = await enrolments.ListAsync(userId, cancellationToken);
        var sharing = await enrolments.FindSharingAsync(userId, cancellationToken);
        if (mine.Count == 0 && sharing is null)
        {
            return null;
        }

        var byId = (await courses.FindManyAsync([.. mine.Select(e => e.CourseId)], cancellationToken)).ToDictionary(c => c.Id);
        return new
        {
            SharesLearningWithEmployers = sharing?.WithEmployers ?? false,
            Enrolments = mine.Select(e => new
            {
                e.CourseId,
                Course = byId.TryGetValue(e.CourseId, out var course) ? course.Title : null,
                Link = course?.Link,
                Status = e.Status.ToString(),
                e.Progress,
                e.EnrolledAt,
                e.CompletedAt,
            }),
        };
    }
}

/// <summary>An account was deleted: its enrolments and its sharing choice are erased. A redelivery finds nothing more to erase.</summary>
[IntegrationEventHandler("courses.erase-deleted-learner")]
public sealed class EraseDeletedLearner(IEnrolmentRepository enrolments) : IIntegrationEventHandler<UserDeleted>
{
    public Task HandleAsync(UserDeleted integrationEvent, CancellationToken cancellationToken) =>
        enrolments.DeleteAllAsync(integrationEvent.UserId, cancellationToken);
}
