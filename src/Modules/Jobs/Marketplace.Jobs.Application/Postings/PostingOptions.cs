using Marketplace.Jobs.Domain.Postings;

namespace Marketplace.Jobs.Application.Postings;

/// <summary>A value a form offers, and how people read it.</summary>
public sealed record Choice(string Value, string Label);

/// <summary>The values the posting and search forms offer, from the domain's own lists, so a form never offers what the domain refuses.</summary>
public static class PostingOptions
{
    public static IReadOnlyList<Choice> Seniorities { get; } = [.. Enum.GetNames<Seniority>().Select(s => new Choice(s, s))];

    public static IReadOnlyList<Choice> WorkModes { get; } =
    [
        new(nameof(WorkMode.Remote), "Remote"),
        new(nameof(WorkMode.Hybrid), "Hybrid"),
        new(nameof(WorkMode.OnSite), "On-site"),
    ];

    public static IReadOnlyList<Choice> Periods { get; } =
    [
        new(nameof(SalaryPeriod.Year), "a year"),
        new(nameof(SalaryPeriod.Month), "a month"),
        new(nameof(SalaryPeriod.Day), "a day"),
        new(nameof(SalaryPeriod.Hour), "an hour"),
    ];

    public static IReadOnlyList<Choice> ClosingReasons { get; } =
    [
        new(nameof(ClosingReason.Filled), "Filled"),
        new(nameof(ClosingReason.Withdrawn), "Withdrawn"),
    ];

    /// <summary>The currencies most postings use first, then every other one the platform knows.</summary>
    public static IReadOnlyList<Choice> Currencies { get; } =
    [
        .. Common.Select(c => new Choice(c, c)),
        .. IsoCodes.Currencies.Where(c => !Common.Contains(c)).Order(StringComparer.Ordinal).Select(c => new Choice(c, c)),
    ];

    public static IReadOnlyList<Choice> Countries { get; } =
        [.. IsoCodes.Countries.OrderBy(c => c.Value, StringComparer.Ordinal).Select(c => new Choice(c.Key, c.Value))];

    public static string CountryName(string code) => IsoCodes.CountryName(code);

    /// <summary>A country as people type it, by code or English name ("de", "Germany"); null when it is neither.</summary>
    public static string? CountryCode(string? text)
    {
        var trimmed = text?.Trim();
        if (string.IsNullOrEmpty(trimmed))
        {
            return null;
        }

        if (IsoCodes.IsCountry(trimmed))
        {
            return trimmed.ToUpperInvariant();
        }

        return IsoCodes.Countries.FirstOrDefault(c => string.Equals(c.Value, trimmed, StringComparison.OrdinalIgnoreCase)).Key;
    }

    private static string[] Common => ["EUR", "USD", "GBP", "CHF", "PLN", "SEK", "NOK", "DKK", "CZK", "CAD", "AUD", "INR"];
}
