using Marketplace.BuildingBlocks.Application;
using Marketplace.BuildingBlocks.Application.Mail;
using Marketplace.BuildingBlocks.Domain;
using Marketplace.Identity.Contracts;
using Marketplace.Jobs.Contracts;
using Mediator;

namespace Marketplace.Jobs.Application.Applications.Withdraw;

/// <summary>The applicant withdraws an open application of theirs; anyone else is told it does not exist.</summary>
public sealed record WithdrawApplication(Guid ApplicationId) : ICommand<Result>;

public sealed class WithdrawApplicationHandler(
    IApplicationRepository applications,
    IUserDirectory users,
    IAccountPageLinks links,
    IMailOutbox mail,
    IIntegrationEventPublisher events,
    ICurrentUser currentUser,
    TimeProvider clock) : ICommandHandler<WithdrawApplication, Result>
{
    public async ValueTask<Result> Handle(WithdrawApplication command, CancellationToken cancellationToken)
    {
        var application = await applications.GetForUpdateAsync(command.ApplicationId, null, cancellationToken);
        if (application is null || currentUser.UserId is not { } seekerId || application.ApplicantId != seekerId)
        {
            return Error.NotFound("application", command.ApplicationId);
        }

        var now = clock.GetUtcNow();
        var before = application.Stage;
        var withdrawn = application.Withdraw(now);
        if (withdrawn.IsFailure)
        {
            return withdrawn;
        }

        events.Publish(new ApplicationWithdrawn(Guid.CreateVersion7(now), now, application.Id, application.PostingId, application.CompanyId, before.ToString()));
        var posting = (await applications.PostingHeadingsAsync([application.PostingId], cancellationToken)).GetValueOrDefault(application.PostingId);
        if (posting is not null && (await users.FindEmailsAsync([seekerId], cancellationToken)).TryGetValue(seekerId, out var email))
        {
            mail.Send(ApplicationMail.Withdrawn(email, posting, links.ToPath("/Applications")));
        }

        return Result.Success();
    }
}
