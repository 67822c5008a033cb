using Marketplace.BuildingBlocks.Application;
using Marketplace.Courses.Contracts;
using Marketplace.Profiles.Application.Taxonomy;
using Marketplace.Profiles.Domain.Profiles;

namespace Marketplace.Profiles.Application.Profiles.ApplyCourse;

/// <summary>
/// A seeker completed a course: each skill it teaches is added to their profile, or raised to the course's level, marked
/// "from" the course (the seeker can undo it on /Profile/Edit); ProfileChanged then lets matching rematch the profile. A
/// seeker without a profile gets one holding those skills. Skills the profile already has at that level or above change
/// nothing, and then no event is sent.
/// </summary>
[IntegrationEventHandler("profiles.apply-completed-course")]
public sealed class ApplyCompletedCourse(IProfileRepository profiles, ITaxonomy taxonomy, IIntegrationEventPublisher events, TimeProvider clock)
    : IIntegrationEventHandler<CourseCompleted>
{
    public async Task HandleAsync(CourseCompleted integrationEvent, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        var existing = await profiles.FindAsync(integrationEvent.SeekerId, cancellationToken);
        var profile = existing is null
            ? SeekerProfile.Start(integrationEvent.SeekerId, now)
            : await profiles.GetForUpdateAsync(integrationEvent.SeekerId, existing.Revision, cancellationToken) ?? throw new InvalidOperationException("The profile vanished.");
        var changed = false;
        foreach (var skill in integrationEvent.Skills)
        {
            if (taxonomy.Find(skill.SkillId) is not { } known || !Enum.IsDefined((SkillLevel)skill.Level))
            {
                continue;
            }

            var applied = profile.ApplyCourseSkill(integrationEvent.CourseId.ToString(), integrationEvent.CourseTitle, known.Id, known.Name, (SkillLevel)skill.Level, now);
            changed |= applied is { IsSuccess: true, Value: true };
        }

        if (!changed)
        {
            return;
        }

        if (existing is null)
        {
            profiles.Add(profile);
        }

        events.Publish(ProfileEventsMapping.Changed(profile, now));
    }
}
