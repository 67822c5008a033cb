using Marketplace.BuildingBlocks.Domain;

namespace Marketplace.Identity.Application.Accounts;

/// <summary>
/// Users, passwords and single-use tokens (ASP.NET Core Identity in Infrastructure) for the account commands. Every change
/// joins the running command's transaction, except counting a wrong password, which must outlive the failed command.
/// Tokens are opaque, URL-safe strings; a token that is malformed, expired or used counts as invalid.
/// </summary>
public interface IAccountStore
{
    Task<Account?> FindAsync(Guid id);

    Task<Account?> FindByEmailAsync(string email);

    /// <summary>Hashes the password and stores the account with its role; errors name "Email" or "Password".</summary>
    Task<Result<Account>> CreateAsync(NewAccount account, string password);

    /// <summary>
    /// Does all that <see cref="CreateAsync"/> and a confirmation token cost (validation, hashing, the inserts) for a
    /// stand-in address, and undoes it inside the command's transaction: the sign-up of a registered address then does the
    /// same work as a new one, so its answer takes as long.
    /// </summary>
    Task RehearseCreateAsync(NewAccount account, string password);

    /// <summary>
    /// Verifies the password even when the account is locked (the same cost either way). A wrong one counts toward the
    /// lockout in its own transaction. Call it before the command changes the account.
    /// </summary>
    Task<PasswordCheck> CheckPasswordAsync(Guid id, string password);

    /// <summary>Replaces the password (which meets <c>PasswordPolicy</c>) and the security stamp.</summary>
    Task SetPasswordAsync(Guid id, string newPassword);

    Task<string> CreateEmailConfirmationTokenAsync(Guid id);

    Task<bool> ConfirmEmailAsync(Guid id, string token);

    Task<string> CreatePasswordResetTokenAsync(Guid id);

    /// <summary>False when the token is invalid. A reset proves control of the mailbox: it also confirms the email and lifts a lockout.</summary>
    Task<bool> ResetPasswordAsync(Guid id, string token, string newPassword);

    Task<string> CreateEmailChangeTokenAsync(Guid id, string newEmail);

    /// <summary>The new address becomes the sign-in name too, confirmed; fails with an invalid link, or when another account took the address meanwhile.</summary>
    Task<Result> ChangeEmailAsync(Guid id, string newEmail, string token);

    /// <summary>Sets a password, confirms the email and lifts a lockout, with no token: for the operator's own command.</summary>
    Task TakeOverAsync(Guid id, string newPassword);

    Task MarkCompanyAnnouncedAsync(Guid id);

    Task AddToRoleAsync(Guid id, string role);

    /// <summary>Deletes the user, the API clients they own and every OAuth token and grant of theirs.</summary>
    Task DeleteAsync(Guid id, CancellationToken cancellationToken);
}
