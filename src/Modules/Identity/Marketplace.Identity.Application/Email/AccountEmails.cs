namespace Marketplace.Identity.Application.Email;

/// <summary>The texts of the account emails.</summary>
public static class AccountEmails
{
    public static EmailMessage ConfirmEmail(string to, string link) => new(
        to,
        "Confirm your Marketplace account",
        $"Welcome to Marketplace.\n\nConfirm your email address by opening this link:\n{link}\n\nIf you did not sign up, ignore this message.\n");

    public static EmailMessage AlreadyRegistered(string to, string signInLink) => new(
        to,
        "Someone tried to sign up with your email",
        $"Someone (perhaps you) tried to create a Marketplace account with this address, which already has one.\n\n" +
        $"Sign in here: {signInLink}\nIf you forgot your password, use \"Forgot your password?\" on that page.\n");

    public static EmailMessage ResetPassword(string to, string link) => new(
        to,
        "Reset your Marketplace password",
        $"Choose a new password by opening this link (it works once, for a limited time):\n{link}\n\nIf you did not ask for this, ignore this message.\n");

    public static EmailMessage ConfirmEmailChange(string to, string link) => new(
        to,
        "Confirm your new Marketplace email address",
        $"Confirm that this is your new sign-in address by opening this link:\n{link}\n");
}
