namespace Marketplace.Identity.Application.Accounts;

/// <summary>Absolute links put into account emails.</summary>
public interface IAccountLinks
{
    string ConfirmEmail(Guid userId, string token);

    string ResetPassword(Guid userId, string token);

    string ConfirmEmailChange(Guid userId, string newEmail, string token);

    string SignIn();

    /// <summary>The sign-up page for someone invited to a company; works outside a request too.</summary>
    string SignUpWithInvitation(string invitationToken);
}
