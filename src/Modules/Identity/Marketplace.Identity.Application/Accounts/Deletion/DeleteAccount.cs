using FluentValidation;
using Marketplace.BuildingBlocks.Application;
using Marketplace.BuildingBlocks.Domain;
using Marketplace.Identity.Contracts;
using Mediator;

namespace Marketplace.Identity.Application.Accounts.Deletion;

/// <summary>
/// The signed-in user deletes their account after typing their password (a wrong one counts toward the lockout). Sessions,
/// grants, tokens and API clients go with it, and every module hears of it through <see cref="UserDeleted"/>.
/// </summary>
public sealed record DeleteAccount(string? Password) : ICommand<Result>
{
    public override string ToString() => "DeleteAccount";
}

public sealed class DeleteAccountValidator : AbstractValidator<DeleteAccount>
{
    public DeleteAccountValidator() => RuleFor(c => c.Password).IsEntered("Enter your password.");
}

public sealed class DeleteAccountHandler(
    IAccountStore accounts,
    IAccessRevocation access,
    IIntegrationEventPublisher events,
    ICurrentUser currentUser,
    TimeProvider clock) : ICommandHandler<DeleteAccount, Result>
{
    public async ValueTask<Result> Handle(DeleteAccount command, CancellationToken cancellationToken)
    {
        if (await accounts.FindSignedInAsync(currentUser) is not { } account)
        {
            return AccountRules.NoSignedInAccount;
        }

        var check = await accounts.CheckPasswordAsync(account.Id, command.Password!);
        if (AccountRules.Refusal(check, nameof(DeleteAccount.Password)) is { } refusal)
        {
            return refusal;
        }

        await access.RevokeAsync(account.Id, keepCurrentSession: false, cancellationToken);
        await accounts.DeleteAsync(account.Id, cancellationToken);
        var now = clock.GetUtcNow();
        events.Publish(new UserDeleted(Guid.CreateVersion7(now), now, account.Id));
        return Result.Success();
    }
}
