using Marketplace.BuildingBlocks.Application;
using Marketplace.Identity.Contracts;
using Marketplace.Jobs.Application.Moderation;
using Marketplace.Jobs.Application.SavedSearches;

namespace Marketplace.Jobs.Application.Postings.ForgetEmployer;

/// <summary>
/// An employer deleted their account: their postings stay (they are the company's), but no longer say who published
/// them. Safe to run twice; the inbox makes it run once anyway.
/// </summary>
[IntegrationEventHandler("jobs.forget-deleted-employer")]
public sealed class ForgetDeletedEmployer(IPostingRepository postings) : IIntegrationEventHandler<UserDeleted>
{
    public Task HandleAsync(UserDeleted integrationEvent, CancellationToken cancellationToken) =>
        postings.ForgetEmployerAsync(integrationEvent.UserId, cancellationToken);
}

/// <summary>A deleted user's saved searches go, and the reports they filed no longer say who filed them.</summary>
[IntegrationEventHandler("jobs.forget-deleted-seeker")]
public sealed class ForgetDeletedSeeker(ISavedSearchRepository searches, IReportRepository reports) : IIntegrationEventHandler<UserDeleted>
{
    public async Task HandleAsync(UserDeleted integrationEvent, CancellationToken cancellationToken)
    {
        await searches.DeleteByUserAsync(integrationEvent.UserId, cancellationToken);
        await reports.ForgetReporterAsync(integrationEvent.UserId, cancellationToken);
    }
}
