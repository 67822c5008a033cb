using Marketplace.BuildingBlocks.Domain;
using Marketplace.Identity.Application.Accounts;

namespace Marketplace.Identity.Application.Accounts;

/// <summary>With <see cref="InvitationToken"/>, an employer joins the company that invited them instead of naming one.</summary>
public sealed record SignUpRequest(string? Email, string? Password, AccountKind Kind, string? CompanyName, string? InvitationToken = null);

public enum SignInOutcome
{
    SignedIn,

    /// <summary>Unknown email, wrong password or a locked account: one answer, so nobody learns which.</summary>
    Rejected,
    EmailNotConfirmed,
}

public sealed record AccountSummary(Guid Id, string Email, bool EmailConfirmed, IReadOnlyList<string> Roles, DateTimeOffset CreatedAt);

/// <summary>
/// The account use cases, behind a port so pages and endpoints never see ASP.NET Core Identity's stores. Answers never
/// reveal whether an email is registered: sign-up, password reset and resend behave the same either way.
/// </summary>
public interface IAccounts
{
    Task<Result> SignUpAsync(SignUpRequest request, CancellationToken cancellationToken);

    Task<SignInOutcome> SignInAsync(string? email, string? password, bool remember, CancellationToken cancellationToken);

    /// <summary>Ends this session on the server too, so a copy of the old cookie no longer works.</summary>
    Task SignOutAsync();

    Task<Result> ConfirmEmailAsync(Guid userId, string? token);

    Task ResendConfirmationAsync(string? email, CancellationToken cancellationToken);

    Task RequestPasswordResetAsync(string? email, CancellationToken cancellationToken);

    Task<Result> ResetPasswordAsync(Guid userId, string? token, string? newPassword);

    /// <summary>Changes the password, ends every other session of the user and renews this one.</summary>
    Task<Result> ChangePasswordAsync(Guid userId, string? currentPassword, string? newPassword);

    /// <summary>Sends a confirmation link to the new address; the email changes only when it is followed.</summary>
    Task<Result> RequestEmailChangeAsync(Guid userId, string? newEmail, string? currentPassword, CancellationToken cancellationToken);

    Task<Result> ConfirmEmailChangeAsync(Guid userId, string? newEmail, string? token);

    /// <summary>Deletes the account (after checking the password) and tells every module through UserDeleted.</summary>
    Task<Result> DeleteAsync(Guid userId, string? password, CancellationToken cancellationToken);

    /// <summary>The account behind a token or session, or null when it is gone or locked out.</summary>
    Task<AccountSummary?> FindActiveAsync(Guid userId, CancellationToken cancellationToken);
}
