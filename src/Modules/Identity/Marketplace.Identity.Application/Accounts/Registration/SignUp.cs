using FluentValidation;
using Marketplace.BuildingBlocks.Application;
using Marketplace.BuildingBlocks.Domain;
using Marketplace.Identity.Application.Email;
using Marketplace.Identity.Domain.Passwords;
using Marketplace.Jobs.Contracts;
using Mediator;

namespace Marketplace.Identity.Application.Accounts.Registration;

/// <summary>
/// Someone creates an account and is mailed a confirmation link. With <see cref="InvitationToken"/>, an employer joins
/// the company that invited them instead of naming one. A registered address gets the same answer, and its owner a mail.
/// </summary>
public sealed record SignUp(string? Email, string? Password, AccountKind Kind, string? CompanyName, string? InvitationToken = null) : ICommand<Result>
{
    public override string ToString() => $"SignUp {{ Kind = {Kind}, Invited = {!string.IsNullOrWhiteSpace(InvitationToken)} }}";
}

public sealed class SignUpValidator : AbstractValidator<SignUp>
{
    public const int MaximumCompanyNameLength = 200;

    public SignUpValidator()
    {
        RuleFor(c => c.Email).IsEmailAddress();
        RuleFor(c => c.Password).IsEntered(PasswordPolicy.Missing);
        RuleFor(c => c.Kind).IsInEnum().WithMessage("Choose job seeker or employer.");
        RuleFor(c => c.CompanyName)
            .Must(name => !string.IsNullOrWhiteSpace(name)).WithMessage("Enter the name of your company.")
            .When(c => c.Kind == AccountKind.Employer && string.IsNullOrWhiteSpace(c.InvitationToken));
        RuleFor(c => c.CompanyName)
            .Must(name => name!.Trim().Length <= MaximumCompanyNameLength).WithMessage($"Use at most {MaximumCompanyNameLength} characters.")
            .When(c => c.CompanyName is not null);
    }
}

public sealed class SignUpHandler(IAccountStore accounts, ICompanyInvitations invitations, IEmailSender mail, IAccountLinks links)
    : ICommandHandler<SignUp, Result>
{
    public async ValueTask<Result> Handle(SignUp command, CancellationToken cancellationToken)
    {
        var email = command.Email!.Trim();
        var kind = command.Kind;
        var company = command.CompanyName?.Trim();
        Guid? invitationId = null;
        var errors = new List<Error>();
        if (!string.IsNullOrWhiteSpace(command.InvitationToken))
        {
            // Invited: an employer of the inviting company, under the invited address; no company of their own.
            var invitation = await invitations.CheckAsync(command.InvitationToken, cancellationToken);
            (kind, company, invitationId) = (AccountKind.Employer, null, invitation.InvitationId);
            if (invitation.Problem is { } problem)
            {
                errors.Add(Error.Validation(nameof(SignUp.InvitationToken), problem));
            }
            else if (!string.Equals(email, invitation.Email, StringComparison.OrdinalIgnoreCase))
            {
                errors.Add(Error.Validation(nameof(SignUp.Email), "This invitation was sent to another email address; sign up with the address that received it."));
            }
        }

        errors.AddRange(PasswordPolicy.Check(command.Password, email, nameof(SignUp.Password)));
        if (errors.Count > 0)
        {
            return Result.Failure(errors);
        }

        var role = kind == AccountKind.Employer ? Roles.Employer : Roles.JobSeeker;
        var newAccount = new NewAccount(email, kind, role, kind == AccountKind.Employer ? company : null, invitationId, EmailConfirmed: false);
        if (await accounts.FindByEmailAsync(email) is { } existing)
        {
            await accounts.RehearseCreateAsync(newAccount, command.Password!);
            await mail.SendAsync(AccountEmails.AlreadyRegistered(existing.Email, links.SignIn()), cancellationToken);
            return Result.Success();
        }

        var created = await accounts.CreateAsync(newAccount, command.Password!);
        if (created.IsFailure)
        {
            return created;
        }

        var account = created.Value;
        var token = await accounts.CreateEmailConfirmationTokenAsync(account.Id);
        await mail.SendAsync(AccountEmails.ConfirmEmail(account.Email, links.ConfirmEmail(account.Id, token)), cancellationToken);
        return Result.Success();
    }
}
