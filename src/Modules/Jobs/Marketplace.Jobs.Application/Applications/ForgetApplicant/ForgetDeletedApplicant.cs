using Marketplace.BuildingBlocks.Application;
using Marketplace.Identity.Contracts;

namespace Marketplace.Jobs.Application.Applications.ForgetApplicant;

/// <summary>
/// A seeker deleted their account: their applications stay for the companies as "deleted applicant" with their stages,
/// and lose everything personal. Safe to run twice.
/// </summary>
[IntegrationEventHandler("jobs.forget-deleted-applicant")]
public sealed class ForgetDeletedApplicant(IApplicationRepository applications, TimeProvider clock) : IIntegrationEventHandler<UserDeleted>
{
    public async Task HandleAsync(UserDeleted integrationEvent, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        foreach (var application in await applications.ListByApplicantAsync(integrationEvent.UserId, forUpdate: true, cancellationToken))
        {
            application.ForgetApplicant(now);
        }
    }
}
