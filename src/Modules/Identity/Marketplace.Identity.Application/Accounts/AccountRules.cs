using System.Net.Mail;
using FluentValidation;
using Marketplace.BuildingBlocks.Application;
using Marketplace.BuildingBlocks.Domain;

namespace Marketplace.Identity.Application.Accounts;

/// <summary>The shape of the account forms' fields, shared by the validators, and the answers every command gives alike.</summary>
public static class AccountRules
{
    public const int MaximumEmailLength = 254;

    /// <summary>Present, at most 254 characters, and a plain address (no display name) with a dot in it.</summary>
    public static IRuleBuilderOptions<T, string?> IsEmailAddress<T>(this IRuleBuilderInitial<T, string?> rule) =>
        rule.Cascade(CascadeMode.Stop)
            .Must(value => !string.IsNullOrWhiteSpace(value)).WithMessage("Enter your email address.")
            .Must(value => IsPlainAddress(value!.Trim())).WithMessage("Enter a valid email address, like name@example.com.");

    public static IRuleBuilderOptions<T, string?> IsEntered<T>(this IRuleBuilder<T, string?> rule, string message) =>
        rule.Must(value => !string.IsNullOrEmpty(value)).WithMessage(message);

    /// <summary>The signed-in user's account, or null when nobody is signed in or the account is gone.</summary>
    public static async Task<Account?> FindSignedInAsync(this IAccountStore accounts, ICurrentUser currentUser) =>
        currentUser.UserId is { } id ? await accounts.FindAsync(id) : null;

    public static Error NoSignedInAccount { get; } = Error.NotFound("account", "signed-in");

    public static Error InvalidLink { get; } =
        new("account.invalid_link", "This link is invalid or has expired. Ask for a new one.", ErrorKind.Validation);

    public static Error LockedOut(string field) =>
        Error.Validation(field, "Too many wrong passwords: try again in a few minutes.");

    /// <summary>The answer to a password check that did not pass, next to the field that carried it.</summary>
    public static Error? Refusal(PasswordCheck check, string field, string wrong = "The password is not correct.") => check switch
    {
        PasswordCheck.Correct => null,
        PasswordCheck.LockedOut => LockedOut(field),
        _ => Error.Validation(field, wrong),
    };

    private static bool IsPlainAddress(string value) =>
        value.Length <= MaximumEmailLength
        && MailAddress.TryCreate(value, out var parsed)
        && parsed.Address == value
        && value.Contains('.', StringComparison.Ordinal);
}
