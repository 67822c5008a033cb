using Marketplace.BuildingBlocks.Application;
using Marketplace.Identity.Contracts;
using Marketplace.Jobs.Domain.Companies;
using Microsoft.Extensions.Logging;

namespace Marketplace.Jobs.Application.Companies.Register;

/// <summary>
/// An employer confirmed their email: they found the company they named, as its admin, or join the company that invited
/// them, as a member. An employer who already belongs to a company is left alone, so a redelivery creates nothing twice.
/// </summary>
[IntegrationEventHandler("jobs.set-up-employer-company")]
public sealed partial class SetUpEmployerCompany(ICompanyRepository companies, ILogger<SetUpEmployerCompany> logger)
    : IIntegrationEventHandler<EmployerRegistered>
{
    public async Task HandleAsync(EmployerRegistered integrationEvent, CancellationToken cancellationToken)
    {
        if (await companies.FindByMemberAsync(integrationEvent.UserId, cancellationToken) is not null)
        {
            return;
        }

        if (integrationEvent.InvitationId is { } invitationId)
        {
            var inviting = await companies.FindByInvitationAsync(invitationId, cancellationToken);
            // Checked at sign-up; this fails only if the invitation ran out or was used between sign-up and confirmation.
            var accepted = inviting?.Accept(invitationId, integrationEvent.UserId, integrationEvent.OccurredAt);
            if (accepted is not { IsSuccess: true })
            {
                LogInvitationRefused(logger, integrationEvent.UserId, invitationId, accepted?.FirstError.Message ?? "unknown invitation");
            }

            return;
        }

        var founded = Company.Found(Guid.CreateVersion7(integrationEvent.OccurredAt), integrationEvent.CompanyName, integrationEvent.UserId, integrationEvent.OccurredAt);
        if (founded.IsFailure)
        {
            LogInvitationRefused(logger, integrationEvent.UserId, Guid.Empty, founded.FirstError.Message);
            return;
        }

        companies.Add(founded.Value);
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Employer {UserId} got no company (invitation {InvitationId}): {Reason}")]
    private static partial void LogInvitationRefused(ILogger logger, Guid userId, Guid invitationId, string reason);
}
