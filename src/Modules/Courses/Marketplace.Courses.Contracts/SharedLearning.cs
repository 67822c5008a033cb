namespace Marketplace.Courses.Contracts;

/// <summary>A course an applicant is taking that teaches skills the posting asks for, and how far they are (0 to 99 %).</summary>
public sealed record LearningInProgressView(Guid CourseId, string CourseTitle, IReadOnlyList<string> SkillNames, int Progress);

/// <summary>
/// "Gap being closed", for an employer's view of an applicant: the courses the seeker is taking for the posting's skills, only when
/// the seeker lets employers see them (a preference on their learning page; off by default). Callers authorize: this facade does
/// not know who is asking, so it is for the company the seeker applied to.
/// </summary>
public interface ISharedLearning
{
    /// <summary>The seeker's courses in progress that teach any of the posting's skills, most advanced first; empty when the
    /// seeker does not share their learning, takes none, or the posting is unknown.</summary>
    Task<IReadOnlyList<LearningInProgressView>> ForPostingAsync(Guid seekerId, Guid postingId, CancellationToken cancellationToken);
}
