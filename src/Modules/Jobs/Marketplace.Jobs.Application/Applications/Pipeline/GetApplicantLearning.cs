using Marketplace.BuildingBlocks.Domain;
using Marketplace.Courses.Contracts;
using Mediator;

namespace Marketplace.Jobs.Application.Applications.Pipeline;

/// <summary>
/// "Gap being closed" on one applicant, for the posting's company: the courses the applicant is taking for the posting's skills,
/// from the Courses module, only when the applicant shares their learning with employers.
/// </summary>
public sealed record GetApplicantLearning(Guid PostingId, Guid ApplicationId) : IQuery<Result<IReadOnlyList<LearningInProgressView>>>;

public sealed class GetApplicantLearningHandler(PipelineAccess access, IApplicationRepository applications, ISharedLearning learning)
    : IQueryHandler<GetApplicantLearning, Result<IReadOnlyList<LearningInProgressView>>>
{
    public async ValueTask<Result<IReadOnlyList<LearningInProgressView>>> Handle(GetApplicantLearning query, CancellationToken cancellationToken)
    {
        var managed = await access.PostingAsync(query.PostingId, cancellationToken);
        if (managed.IsFailure)
        {
            return Result<IReadOnlyList<LearningInProgressView>>.Failure(managed.Errors);
        }

        var application = await applications.FindAsync(query.ApplicationId, cancellationToken);
        if (application is null || application.PostingId != query.PostingId)
        {
            return Error.NotFound("application", query.ApplicationId);
        }

        return application.ApplicantId is { } seekerId
            ? Result<IReadOnlyList<LearningInProgressView>>.Success(await learning.ForPostingAsync(seekerId, query.PostingId, cancellationToken))
            : Result<IReadOnlyList<LearningInProgressView>>.Success([]);
    }
}
