namespace Marketplace.Identity.Application.Accounts;

public enum SignInOutcome
{
    SignedIn,

    /// <summary>Unknown email, wrong password or a locked account: one answer, so nobody learns which.</summary>
    Rejected,
    EmailNotConfirmed,
}

public sealed record AccountSummary(Guid Id, string Email, bool EmailConfirmed, IReadOnlyList<string> Roles, DateTimeOffset CreatedAt);

/// <summary>
/// What is tied to the HTTP sign-in, and so stays a port rather than a command: signing in and out, renewing this
/// request's session after its account changed, and finding the account behind a session or token. The account's own
/// changes are commands (sign-up, confirmations, password and email changes, deletion).
/// </summary>
public interface IAccountSessions
{
    /// <summary>The same work for an unknown address, a wrong password and a locked account, so timing tells nothing.</summary>
    Task<SignInOutcome> SignInAsync(string? email, string? password, bool remember, CancellationToken cancellationToken);

    /// <summary>Ends this session on the server too, so a copy of the old cookie no longer works.</summary>
    Task SignOutAsync();

    /// <summary>Re-issues this request's session for its user (a new security stamp after a password or email change).</summary>
    Task RefreshAsync(Guid userId);

    /// <summary>The account behind a token or session, or null when it is gone or locked out.</summary>
    Task<AccountSummary?> FindActiveAsync(Guid userId, CancellationToken cancellationToken);
}
