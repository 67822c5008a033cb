using Marketplace.BuildingBlocks.Domain;

namespace Marketplace.Courses.Domain.Enrolments;

/// <summary>
/// A seeker's choice to let the companies they apply to see the courses they are taking for that posting's skills, with how
/// far they are ("enrolled in Docker from Zero for Docker, 60 %"). Off until the seeker turns it on; its id is the seeker's.
/// </summary>
public sealed class LearningSharing : AggregateRoot<Guid>
{
    private LearningSharing()
    {
    }

    public bool WithEmployers { get; private set; }

    public DateTimeOffset UpdatedAt { get; private set; }

    public static LearningSharing For(Guid seekerId, bool withEmployers, DateTimeOffset now) => new()
    {
        Id = seekerId,
        WithEmployers = withEmployers,
        UpdatedAt = now,
    };

    public void Set(bool withEmployers, DateTimeOffset now)
    {
        WithEmployers = withEmployers;
        UpdatedAt = now;
    }
}
