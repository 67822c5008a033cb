using Marketplace.Courses.Domain.Enrolments;

namespace Marketplace.Courses.Application.Enrolments;

/// <summary>Where seekers' enrolments are kept; implemented by the Courses infrastructure.</summary>
public interface IEnrolmentRepository
{
    void Add(Enrolment enrolment);

    Task<Enrolment?> GetForUpdateAsync(Guid seekerId, Guid courseId, CancellationToken cancellationToken);

    Task<Enrolment?> FindAsync(Guid seekerId, Guid courseId, CancellationToken cancellationToken);

    Task<IReadOnlyList<Enrolment>> ListAsync(Guid seekerId, CancellationToken cancellationToken);

    Task<int> DeleteAllAsync(Guid seekerId, CancellationToken cancellationToken);
}
