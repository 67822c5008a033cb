using Marketplace.BuildingBlocks.Application;
using Marketplace.BuildingBlocks.Domain;
using Marketplace.Courses.Application.Catalog;
using Marketplace.Courses.Contracts;
using Marketplace.Courses.Domain.Enrolments;
using Marketplace.Jobs.Contracts;
using Mediator;

namespace Marketplace.Courses.Application.Enrolments.Sharing;

/// <summary>The seeker turns on or off showing the companies they apply to the courses they take for those postings' skills.</summary>
public sealed record ShareLearning(bool WithEmployers) : ICommand<Result>;

public sealed class ShareLearningHandler(IEnrolmentRepository enrolments, ICurrentUser currentUser, TimeProvider clock) : ICommandHandler<ShareLearning, Result>
{
    public async ValueTask<Result> Handle(ShareLearning command, CancellationToken cancellationToken)
    {
        if (currentUser.UserId is not { } seekerId || !currentUser.IsInRole(Roles.JobSeeker))
        {
            return Error.Forbidden("Only job seekers take courses.");
        }

        var now = clock.GetUtcNow();
        if (await enrolments.GetSharingForUpdateAsync(seekerId, cancellationToken) is { } sharing)
        {
            sharing.Set(command.WithEmployers, now);
        }
        else
        {
            enrolments.AddSharing(LearningSharing.For(seekerId, command.WithEmployers, now));
        }

        return Result.Success();
    }
}

/// <summary>The facade behind "gap being closed" on an employer's applicant view (see <see cref="ISharedLearning"/>).</summary>
public sealed class SharedLearning(IEnrolmentRepository enrolments, ICourseRepository courses, IPostingDirectory postings, CourseSkills skills) : ISharedLearning
{
    public async Task<IReadOnlyList<LearningInProgressView>> ForPostingAsync(Guid seekerId, Guid postingId, CancellationToken cancellationToken)
    {
        if (await enrolments.FindSharingAsync(seekerId, cancellationToken) is not { WithEmployers: true })
        {
            return [];
        }

        var taking = (await enrolments.ListAsync(seekerId, cancellationToken)).Where(e => e.Status == EnrolmentStatus.InProgress).ToList();
        if (taking.Count == 0 || await postings.FindPublicAsync(postingId, cancellationToken) is not { } posting)
        {
            return [];
        }

        var asked = posting.Skills.Select(s => s.SkillId).ToHashSet(StringComparer.Ordinal);
        var byId = (await courses.FindManyAsync([.. taking.Select(e => e.CourseId)], cancellationToken)).ToDictionary(c => c.Id);
        return [.. taking
            .Where(e => byId.ContainsKey(e.CourseId))
            .Select(e => (Enrolment: e, Course: byId[e.CourseId], For: byId[e.CourseId].Teaches.Where(t => asked.Contains(t.SkillId)).Select(t => skills.NameOf(t.SkillId)).ToList()))
            .Where(x => x.For.Count > 0)
            .OrderByDescending(x => x.Enrolment.Progress).ThenBy(x => x.Course.Title, StringComparer.Ordinal)
            .Select(x => new LearningInProgressView(x.Course.Id, x.Course.Title, x.For, x.Enrolment.Progress))];
    }
}
