namespace Marketplace.Identity.Application.Accounts;

/// <summary>Absolute links put into account emails.</summary>
public interface IAccountLinks
{
    string ConfirmEmail(Guid userId, string token);

    string ResetPassword(Guid userId, string token);

    string ConfirmEmailChange(Guid userId, string newEmail, string token);

    string SignIn();
}
