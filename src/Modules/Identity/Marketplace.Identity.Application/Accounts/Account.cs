namespace Marketplace.Identity.Application.Accounts;

/// <summary>What the account commands read of a user.</summary>
public sealed record Account(
    Guid Id,
    string Email,
    bool EmailConfirmed,
    AccountKind Kind,
    string? CompanyName,
    Guid? InvitationId,
    bool CompanyAnnounced);

/// <summary>An account to create, in the role that goes with <paramref name="Role"/>.</summary>
public sealed record NewAccount(string Email, AccountKind Kind, string Role, string? CompanyName, Guid? InvitationId, bool EmailConfirmed);

public enum PasswordCheck
{
    Correct,
    Wrong,

    /// <summary>Too many wrong passwords lately: refused whatever was typed, until the lockout ends.</summary>
    LockedOut,
}
