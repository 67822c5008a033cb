using Marketplace.BuildingBlocks.Domain;

namespace Marketplace.Profiles.Domain.Preferences;

public enum Seniority { Junior, Mid, Senior, Lead }

public enum WorkMode { Remote, Hybrid, OnSite }

public enum PayPeriod { Year, Month, Day, Hour }

/// <summary>Who sees the profile: nobody, employers where the seeker applied, or every employer's candidate search.</summary>
public enum ProfileVisibility { Private, Applications, Discoverable }

/// <summary>A place a seeker would work: a country and, optionally, a city in it.</summary>
public sealed record PreferredLocation(string Country, string? City);

/// <summary>The least pay a seeker accepts, in a currency and per period.</summary>
public sealed record SalaryExpectation(decimal Amount, string Currency, PayPeriod Period)
{
    public const decimal MaxAmount = 100_000_000m;

    // Full-time equivalents, so matching can compare any period with a posting's yearly range: 12 months, 220 working
    // days, 1,760 working hours a year.
    public decimal YearlyAmount => Period switch
    {
        PayPeriod.Year => Amount,
        PayPeriod.Month => Amount * 12,
        PayPeriod.Day => Amount * 220,
        PayPeriod.Hour => Amount * 1_760,
        _ => throw new ArgumentOutOfRangeException(nameof(Period), Period, null),
    };
}

/// <summary>What work a seeker wants and who may see the profile; what matching respects.</summary>
public sealed record JobPreferences
{
    public const int MaxLocations = 10;
    public const int MaxCityLength = 100;

    public Seniority? Seniority { get; init; }

    /// <summary>The work modes the seeker accepts; empty means no preference stated yet.</summary>
    public IReadOnlyList<WorkMode> WorkModes { get; init; } = [];

    public IReadOnlyList<PreferredLocation> Locations { get; init; } = [];

    public bool WillingToRelocate { get; init; }

    public SalaryExpectation? MinimumSalary { get; init; }

    /// <summary>Shown where the seeker applies, until they choose otherwise: the least exposure with which applying works.</summary>
    public ProfileVisibility Visibility { get; init; } = ProfileVisibility.Applications;

    public static JobPreferences Default { get; } = new();

    /// <summary>The preferences' invariants, each naming its field as a client sends it (under "Preferences").</summary>
    public IReadOnlyList<Error> Check()
    {
        var errors = new List<Error>();
        if (WorkModes.Distinct().Count() != WorkModes.Count)
        {
            errors.Add(Error.Validation("Preferences.WorkModes", "Each work mode may be chosen once."));
        }

        if (Locations.Count > MaxLocations)
        {
            errors.Add(Error.Validation("Preferences.Locations", $"At most {MaxLocations} locations."));
        }

        var seen = new HashSet<(string, string?)>();
        for (var i = 0; i < Locations.Count; i++)
        {
            var location = Locations[i];
            if (Countries.Normalize(location.Country) != location.Country)
            {
                errors.Add(Error.Validation($"Preferences.Locations[{i}].Country", "Choose a country (an ISO code such as DE or PT)."));
            }

            if (location.City is { } city && (city.Length > MaxCityLength || string.IsNullOrWhiteSpace(city)))
            {
                errors.Add(Error.Validation($"Preferences.Locations[{i}].City", $"A city name has 1 to {MaxCityLength} characters."));
            }

            if (!seen.Add((location.Country, location.City?.ToLowerInvariant())))
            {
                errors.Add(Error.Validation($"Preferences.Locations[{i}]", "This location is listed twice."));
            }
        }

        if (MinimumSalary is { } salary)
        {
            if (salary.Amount <= 0 || salary.Amount > SalaryExpectation.MaxAmount)
            {
                errors.Add(Error.Validation("Preferences.MinimumSalary.Amount", "The minimum salary is a positive amount."));
            }

            if (Currencies.Normalize(salary.Currency) != salary.Currency)
            {
                errors.Add(Error.Validation("Preferences.MinimumSalary.Currency", "Currency is a three-letter ISO code, e.g. EUR."));
            }
        }

        return errors;
    }
}
