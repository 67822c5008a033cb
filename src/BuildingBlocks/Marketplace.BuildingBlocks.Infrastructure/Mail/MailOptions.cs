using Microsoft.Extensions.Options;
using MimeKit;

namespace Marketplace.BuildingBlocks.Infrastructure.Mail;

public enum SmtpSecurity
{
    /// <summary>STARTTLS when the server offers it.</summary>
    Auto,
    None,
    StartTls,
    SslOnConnect,
}

/// <summary>The "Email" configuration section: an SMTP server, or a pickup folder where each message is written as .eml.</summary>
public sealed class MailOptions
{
    public const string Section = "Email";

    public string From { get; set; } = "Marketplace <no-reply@marketplace.local>";

    public string? Host { get; set; }

    public int Port { get; set; } = 587;

    public SmtpSecurity Security { get; set; } = SmtpSecurity.Auto;

    public string? Username { get; set; }

    public string? Password { get; set; }

    /// <summary>Development only: write messages here instead of sending them.</summary>
    public string? PickupDirectory { get; set; }
}

internal sealed class MailOptionsValidator : IValidateOptions<MailOptions>
{
    public ValidateOptionsResult Validate(string? name, MailOptions options)
    {
        var failures = new List<string>();
        if (!MailboxAddress.TryParse(options.From, out _))
        {
            failures.Add($"Email:From '{options.From}' is not a valid address.");
        }

        var hasHost = !string.IsNullOrWhiteSpace(options.Host);
        var hasPickup = !string.IsNullOrWhiteSpace(options.PickupDirectory);
        if (hasHost == hasPickup)
        {
            failures.Add("Set exactly one of Email:Host (an SMTP server) and Email:PickupDirectory (development).");
        }

        if (hasHost && options.Port is < 1 or > 65535)
        {
            failures.Add("Email:Port must be between 1 and 65535.");
        }

        if (!string.IsNullOrEmpty(options.Username) && string.IsNullOrEmpty(options.Password))
        {
            failures.Add("Email:Password is required when Email:Username is set.");
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}
