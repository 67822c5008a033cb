using Marketplace.BuildingBlocks.Application;
using Marketplace.BuildingBlocks.Domain;
using Mediator;

namespace Marketplace.Jobs.Application.Applications.Mine;

/// <summary>The current seeker's applications, newest first, each with its stage and timeline (never the company's notes).</summary>
public sealed record ListMyApplications : IQuery<Result<IReadOnlyList<MyApplicationDto>>>;

public sealed class ListMyApplicationsHandler(IApplicationRepository applications, ICurrentUser currentUser)
    : IQueryHandler<ListMyApplications, Result<IReadOnlyList<MyApplicationDto>>>
{
    public async ValueTask<Result<IReadOnlyList<MyApplicationDto>>> Handle(ListMyApplications query, CancellationToken cancellationToken)
    {
        if (currentUser.UserId is not { } seekerId)
        {
            return Error.Forbidden();
        }

        var mine = await applications.ListByApplicantAsync(seekerId, forUpdate: false, cancellationToken);
        var postings = await applications.PostingHeadingsAsync([.. mine.Select(a => a.PostingId).Distinct()], cancellationToken);
        return Result<IReadOnlyList<MyApplicationDto>>.Success(
            [.. mine.OrderByDescending(a => a.SubmittedAt).Select(a => ApplicationViews.ForApplicant(a, postings.GetValueOrDefault(a.PostingId)))]);
    }
}
