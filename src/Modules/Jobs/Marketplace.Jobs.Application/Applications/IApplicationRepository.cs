using Marketplace.Jobs.Application.Applications.Pipeline;
using Marketplace.Jobs.Domain.Applications;

namespace Marketplace.Jobs.Application.Applications;

/// <summary>A posting as an application's pages name it.</summary>
public sealed record PostingHeading(Guid Id, string Title, string Company, string Status);

/// <summary>Where applications and the companies' rejection reasons are kept; implemented by the Jobs infrastructure.</summary>
public interface IApplicationRepository
{
    void Add(JobApplication application);

    void Add(RejectionTemplates templates);

    Task<JobApplication?> FindMineAsync(Guid postingId, Guid applicantId, CancellationToken cancellationToken);

    /// <summary>Those of <paramref name="applicantIds"/> with an application to the posting, in any stage.</summary>
    Task<IReadOnlySet<Guid>> ApplicantsAmongAsync(Guid postingId, IReadOnlyCollection<Guid> applicantIds, CancellationToken cancellationToken);

    /// <summary>Loads an application to change it; with <paramref name="expectedVersion"/> the write is refused unless it is still at that revision.</summary>
    Task<JobApplication?> GetForUpdateAsync(Guid id, int? expectedVersion, CancellationToken cancellationToken);

    Task<JobApplication?> FindAsync(Guid id, CancellationToken cancellationToken);

    Task<IReadOnlyList<JobApplication>> ListByApplicantAsync(Guid applicantId, bool forUpdate, CancellationToken cancellationToken);

    /// <summary>A posting's applications (optionally at one stage), oldest first: the order they came in.</summary>
    /// <summary>A page of a posting's applications: best match first (the score kept when they applied; none last), or oldest first.</summary>
    Task<IReadOnlyList<JobApplication>> ListByPostingAsync(Guid postingId, ApplicationStage? stage, ApplicantOrder order, int skip, int take, CancellationToken cancellationToken);

    Task<IReadOnlyDictionary<ApplicationStage, int>> CountStagesAsync(Guid postingId, CancellationToken cancellationToken);

    Task<IReadOnlyDictionary<Guid, PostingHeading>> PostingHeadingsAsync(IReadOnlyCollection<Guid> postingIds, CancellationToken cancellationToken);

    Task<RejectionTemplates?> FindTemplatesAsync(Guid ownerId, bool forUpdate, CancellationToken cancellationToken);
}
