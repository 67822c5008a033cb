using FluentValidation;
using Marketplace.BuildingBlocks.Application;
using Marketplace.BuildingBlocks.Domain;
using Marketplace.Identity.Application.Email;
using Mediator;

namespace Marketplace.Identity.Application.Accounts.EmailChange;

/// <summary>
/// The signed-in user asks to sign in with another address: a confirmation link goes to it, and the email changes only when
/// that link is used (<see cref="ConfirmEmailChange"/>). A taken address gets the same answer, and its owner a mail.
/// </summary>
public sealed record RequestEmailChange(string? NewEmail, string? CurrentPassword) : ICommand<Result>
{
    public override string ToString() => "RequestEmailChange";
}

public sealed class RequestEmailChangeValidator : AbstractValidator<RequestEmailChange>
{
    public RequestEmailChangeValidator()
    {
        RuleFor(c => c.NewEmail).IsEmailAddress();
        RuleFor(c => c.CurrentPassword).IsEntered("Enter your current password.");
    }
}

public sealed class RequestEmailChangeHandler(IAccountStore accounts, IEmailSender mail, IAccountLinks links, ICurrentUser currentUser)
    : ICommandHandler<RequestEmailChange, Result>
{
    public async ValueTask<Result> Handle(RequestEmailChange command, CancellationToken cancellationToken)
    {
        if (await accounts.FindSignedInAsync(currentUser) is not { } account)
        {
            return AccountRules.NoSignedInAccount;
        }

        var check = await accounts.CheckPasswordAsync(account.Id, command.CurrentPassword!);
        if (AccountRules.Refusal(check, nameof(RequestEmailChange.CurrentPassword), "The current password is not correct.") is { } refusal)
        {
            return refusal;
        }

        var newEmail = command.NewEmail!.Trim();
        if (string.Equals(newEmail, account.Email, StringComparison.OrdinalIgnoreCase))
        {
            return Error.Validation(nameof(RequestEmailChange.NewEmail), "This is already your email address.");
        }

        if (await accounts.FindByEmailAsync(newEmail) is { } taken)
        {
            // Tell the owner of that address, not the person asking: the answer on screen is the same either way.
            await mail.SendAsync(AccountEmails.AlreadyRegistered(taken.Email, links.SignIn()), cancellationToken);
            return Result.Success();
        }

        var token = await accounts.CreateEmailChangeTokenAsync(account.Id, newEmail);
        await mail.SendAsync(AccountEmails.ConfirmEmailChange(newEmail, links.ConfirmEmailChange(account.Id, newEmail, token)), cancellationToken);
        return Result.Success();
    }
}
