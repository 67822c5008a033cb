using FluentValidation;
using Marketplace.BuildingBlocks.Application;
using Marketplace.BuildingBlocks.Domain;
using Marketplace.Jobs.Contracts;
using Mediator;

namespace Marketplace.Jobs.Application.Companies.Invite;

/// <summary>A company admin invites an email address; the identity module mails it a sign-up link through <see cref="CompanyInvitationIssued"/>.</summary>
public sealed record InviteToCompany(Guid CompanyId, string? Email) : ICommand<Result<Guid>>;

public sealed class InviteToCompanyValidator : AbstractValidator<InviteToCompany>
{
    public InviteToCompanyValidator() =>
        RuleFor(c => c.Email).NotEmpty().MaximumLength(254).EmailAddress().WithMessage("Enter a valid email address.");
}

public sealed class InviteToCompanyHandler(
    ICompanyRepository companies,
    IIntegrationEventPublisher events,
    ICurrentUser currentUser,
    TimeProvider clock) : ICommandHandler<InviteToCompany, Result<Guid>>
{
    public async ValueTask<Result<Guid>> Handle(InviteToCompany command, CancellationToken cancellationToken)
    {
        var company = await companies.GetAsync(command.CompanyId, cancellationToken);
        // Someone outside the company does not learn that it exists.
        if (company?.MemberOf(currentUser.UserId) is null)
        {
            return Error.NotFound("company", command.CompanyId);
        }

        var now = clock.GetUtcNow();
        var token = InvitationTokens.New();
        var email = command.Email!.Trim().ToLowerInvariant();
        var invited = company.Invite(currentUser.UserId!.Value, email, InvitationTokens.Hash(token), now);
        if (invited.IsFailure)
        {
            return Result<Guid>.Failure(invited.Errors);
        }

        var invitation = invited.Value;
        events.Publish(new CompanyInvitationIssued(
            Guid.CreateVersion7(now), now, invitation.Id, company.Id, company.Name, invitation.Email, token, invitation.ExpiresAt));
        return invitation.Id;
    }
}
