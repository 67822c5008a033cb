using Marketplace.Courses.Domain.Enrolments;

namespace Marketplace.Courses.Application.Enrolments;

/// <summary>Where seekers' enrolments are kept; implemented by the Courses infrastructure.</summary>
public interface IEnrolmentRepository
{
    void Add(Enrolment enrolment);

    Task<Enrolment?> GetForUpdateAsync(Guid seekerId, Guid courseId, CancellationToken cancellationToken);

    Task<Enrolment?> FindAsync(Guid seekerId, Guid courseId, CancellationToken cancellationToken);

    Task<IReadOnlyList<Enrolment>> ListAsync(Guid seekerId, CancellationToken cancellationToken);

    /// <summary>Erases the seeker's enrolments and their sharing choice.</summary>
    Task<int> DeleteAllAsync(Guid seekerId, CancellationToken cancellationToken);

    void AddSharing(LearningSharing sharing);

    Task<LearningSharing?> GetSharingForUpdateAsync(Guid seekerId, CancellationToken cancellationToken);

    Task<LearningSharing?> FindSharingAsync(Guid seekerId, CancellationToken cancellationToken);
}
