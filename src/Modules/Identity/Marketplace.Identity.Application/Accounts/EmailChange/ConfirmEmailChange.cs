using Marketplace.BuildingBlocks.Domain;
using Marketplace.Identity.Application.Accounts.EmailConfirmation;
using Mediator;

namespace Marketplace.Identity.Application.Accounts.EmailChange;

/// <summary>
/// The button on the page the email-change link opens. The new address signs in from now on; every other session and OAuth
/// grant of the account ends (a session of the same user pressing the button stays, renewed by the page). Moving to the
/// configured first admin's address also asks for the account's <see cref="Password"/> (see <see cref="ConfirmedAddress"/>).
/// </summary>
public sealed record ConfirmEmailChange(Guid UserId, string? Email, string? Token, string? Password = null) : ICommand<Result>
{
    public override string ToString() => $"ConfirmEmailChange {{ UserId = {UserId} }}";
}

public sealed class ConfirmEmailChangeHandler(IAccountStore accounts, IAccessRevocation access, ConfirmedAddress confirmed)
    : ICommandHandler<ConfirmEmailChange, Result>
{
    public async ValueTask<Result> Handle(ConfirmEmailChange command, CancellationToken cancellationToken)
    {
        // The fields come from the link: anything wrong with them is an invalid link (the token names the new address).
        var account = await accounts.FindAsync(command.UserId);
        if (account is null || string.IsNullOrWhiteSpace(command.Email))
        {
            return AccountRules.InvalidLink;
        }

        var email = command.Email.Trim();
        var passwordProven = false;
        if (confirmed.AsksForPassword(email))
        {
            var check = string.IsNullOrEmpty(command.Password) ? PasswordCheck.Wrong : await accounts.CheckPasswordAsync(account.Id, command.Password);
            if (AccountRules.Refusal(check, nameof(ConfirmEmailChange.Password), "Enter the password of your account.") is { } refusal)
            {
                return refusal;
            }

            passwordProven = true;
        }

        var changed = await accounts.ChangeEmailAsync(account.Id, email, command.Token ?? "");
        if (changed.IsFailure)
        {
            return changed;
        }

        await access.RevokeAsync(account.Id, keepCurrentSession: true, cancellationToken);
        await confirmed.ApplyAsync(account.Id, passwordProven);
        return Result.Success();
    }
}
