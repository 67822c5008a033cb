using Marketplace.BuildingBlocks.Application;

namespace Marketplace.Courses.Contracts;

/// <summary>A skill a course teaches (canonical taxonomy id) and the level, 1 to 5, a learner has after it.</summary>
public sealed record CourseSkillData(string SkillId, int Level);

/// <summary>
/// A seeker completed a course. Profiles applies it to the seeker's profile: each skill is added at its level, or raised to
/// it when the profile has it lower (never lowered), marked "from" the course so the seeker can undo it; a skill already at
/// or above the level is left alone. The profile's ProfileChanged then makes matching rematch it. Sent once per completion
/// (a completion is final); a redelivery is a no-op through the receiving inbox.
/// </summary>
[IntegrationEvent("courses.course-completed")]
public sealed record CourseCompleted(
    Guid EventId,
    DateTimeOffset OccurredAt,
    Guid SeekerId,
    Guid CourseId,
    string CourseTitle,
    IReadOnlyList<CourseSkillData> Skills) : IIntegrationEvent;
