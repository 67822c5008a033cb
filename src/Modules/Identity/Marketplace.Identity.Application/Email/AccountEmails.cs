using Marketplace.BuildingBlocks.Application.Mail;

namespace Marketplace.Identity.Application.Email;

/// <summary>The account mails, sent through the durable mail outbox in the command's transaction; the shared layout renders them.</summary>
public static class AccountEmails
{
    public static MailMessage ConfirmEmail(string to, string link) => new(
        to,
        "Confirm your Marketplace account",
        ["Welcome to Marketplace.", "Confirm your email address: the link opens a page where you press the button to confirm."],
        new MailAction("Confirm your email", link),
        "If you did not sign up, ignore this message: nothing happens until the button is pressed.");

    public static MailMessage AlreadyRegistered(string to, string signInLink) => new(
        to,
        "Someone tried to sign up with your email",
        ["Someone (perhaps you) tried to create a Marketplace account with this address, which already has one.",
         "If you forgot your password, use \"Forgot your password?\" on the sign-in page."],
        new MailAction("Sign in", signInLink),
        "If it was not you, you need do nothing: no account was created and yours is unchanged.");

    public static MailMessage ResetPassword(string to, string link) => new(
        to,
        "Reset your Marketplace password",
        ["Choose a new password through this link. It works once, for a limited time, and signs you out everywhere else."],
        new MailAction("Choose a new password", link),
        "If you did not ask for this, ignore this message: your password stays as it is.");

    public static MailMessage ConfirmEmailChange(string to, string link) => new(
        to,
        "Confirm your new Marketplace email address",
        ["Confirm that this is your new sign-in address: the link opens a page where you press the button to confirm."],
        new MailAction("Confirm your new address", link),
        "If you did not ask for this, ignore this message: the address changes only when the button is pressed.");
}
