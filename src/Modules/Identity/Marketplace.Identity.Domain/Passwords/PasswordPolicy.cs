using Marketplace.BuildingBlocks.Domain;

namespace Marketplace.Identity.Domain.Passwords;

/// <summary>
/// Length and a list of common passwords, as NIST SP 800-63B recommends; no composition rules, which push people
/// to predictable patterns rather than strong passwords.
/// </summary>
public static class PasswordPolicy
{
    public const int MinimumLength = 12;
    public const int MaximumLength = 128;

    private static readonly Lazy<HashSet<string>> Common = new(LoadCommonPasswords);

    public static int CommonPasswordCount => Common.Value.Count;

    public const string Missing = "Enter a password.";

    /// <summary>The rules a new password must meet; errors name <paramref name="field"/>, the form field it came from.</summary>
    public static IReadOnlyList<Error> Check(string? password, string? email, string field = "Password")
    {
        var errors = new List<Error>();
        if (string.IsNullOrEmpty(password))
        {
            errors.Add(Error.Validation(field, Missing));
            return errors;
        }

        if (password.Length < MinimumLength)
        {
            errors.Add(Error.Validation(field, $"Use at least {MinimumLength} characters."));
        }
        else if (password.Length > MaximumLength)
        {
            errors.Add(Error.Validation(field, $"Use at most {MaximumLength} characters."));
        }

        if (IsCommon(password))
        {
            errors.Add(Error.Validation(field, "This password is too common; choose one that is harder to guess."));
        }
        else if (!string.IsNullOrEmpty(email) && password.Contains(email.Split('@')[0], StringComparison.OrdinalIgnoreCase) && email.Split('@')[0].Length >= 4)
        {
            errors.Add(Error.Validation(field, "The password must not contain your email address."));
        }

        return errors;
    }

    public static bool IsCommon(string password) => Common.Value.Contains(password.Trim());

    private static HashSet<string> LoadCommonPasswords()
    {
        var assembly = typeof(PasswordPolicy).Assembly;
        var name = assembly.GetManifestResourceNames().Single(n => n.EndsWith("common-passwords.txt", StringComparison.Ordinal));
        using var stream = assembly.GetManifestResourceStream(name)
            ?? throw new InvalidOperationException($"The embedded resource {name} is missing.");
        using var reader = new StreamReader(stream);
        var set = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        while (reader.ReadLine() is { } line)
        {
            if (line.Length > 0 && line[0] != '#')
            {
                set.Add(line);
            }
        }

        return set;
    }
}
