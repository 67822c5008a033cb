using Marketplace.BuildingBlocks.Domain;
using Mediator;

namespace Marketplace.Identity.Application.Accounts.EmailConfirmation;

/// <summary>
/// Whether the confirmation page for this link shows a password field: only when the address being confirmed (the
/// account's, or <see cref="NewEmail"/> for an email change) is the configured first admin's.
/// </summary>
public sealed record ConfirmationAsksForPassword(Guid UserId, string? NewEmail = null) : IQuery<Result<bool>>;

public sealed class ConfirmationAsksForPasswordHandler(IAccountStore accounts, ConfirmedAddress confirmed)
    : IQueryHandler<ConfirmationAsksForPassword, Result<bool>>
{
    public async ValueTask<Result<bool>> Handle(ConfirmationAsksForPassword query, CancellationToken cancellationToken)
    {
        var email = query.NewEmail ?? (await accounts.FindAsync(query.UserId))?.Email;
        return email is not null && confirmed.AsksForPassword(email.Trim());
    }
}
