using FluentValidation;
using Marketplace.BuildingBlocks.Application;
using Marketplace.BuildingBlocks.Application.Mail;
using Marketplace.BuildingBlocks.Domain;
using Marketplace.Identity.Contracts;
using Mediator;

namespace Marketplace.Jobs.Application.Companies.Invite;

/// <summary>
/// A company admin invites an email address, which is mailed a sign-up link with a single-use token. The mail is stored
/// with the invitation, in the same transaction; the token exists in plain text only in that (encrypted) mail.
/// </summary>
public sealed record InviteToCompany(Guid CompanyId, string? Email) : ICommand<Result<Guid>>;

public sealed class InviteToCompanyValidator : AbstractValidator<InviteToCompany>
{
    public InviteToCompanyValidator() =>
        RuleFor(c => c.Email).NotEmpty().MaximumLength(254).EmailAddress().WithMessage("Enter a valid email address.");
}

public sealed class InviteToCompanyHandler(
    ICompanyRepository companies,
    IMailOutbox mail,
    IAccountPageLinks links,
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
        mail.Send(InvitationMail.For(invitation.Email, company.Name, links.SignUpWithInvitation(token), invitation.ExpiresAt));
        return invitation.Id;
    }
}

/// <summary>The invitation as the invited person reads it.</summary>
public static class InvitationMail
{
    public static MailMessage For(string to, string companyName, string signUpLink, DateTimeOffset expiresAt) => new(
        to,
        $"You are invited to join {companyName} on Marketplace",
        [
            $"An admin of {companyName} invited you to hire with them on Marketplace.",
            $"Create your employer account through the link below. It works once, until {expiresAt.UtcDateTime:yyyy-MM-dd HH:mm} UTC.",
        ],
        new MailAction("Create your employer account", signUpLink),
        "If you did not expect this invitation, ignore this message: nothing happens without you.");
}
