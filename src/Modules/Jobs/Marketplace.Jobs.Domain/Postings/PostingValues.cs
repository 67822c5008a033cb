using System.Globalization;

namespace Marketplace.Jobs.Domain.Postings;

public enum Seniority { Junior, Mid, Senior, Lead }

public enum WorkMode { OnSite, Hybrid, Remote }

/// <summary>Where a posting is in its life; only a published one is found by search and takes applications.</summary>
public enum PostingStatus { Draft, Published, Closed, Expired, OnHold }

/// <summary>Why an employer closed a posting.</summary>
public enum ClosingReason { Filled, Withdrawn }

/// <summary>What a salary amount is paid per.</summary>
public enum SalaryPeriod { Year, Month, Day, Hour }

/// <summary>
/// A skill the posting asks for, by canonical skill id: the least level (1-5) that earns full credit, how much it weighs
/// (1-10), whether it is required, and whether its absence excludes a candidate (a dealbreaker, for required skills only).
/// </summary>
public sealed record PostingSkill(string SkillId, int MinLevel, int Weight, bool Required, bool Dealbreaker = false)
{
    public const int MaxLevel = 5;
    public const int MaxWeight = 10;
}

/// <summary>A place the work happens: a city and its ISO 3166 country code.</summary>
public sealed record Place(string City, string Country);

/// <summary>A salary range in a currency (ISO 4217) and per a period; compared across periods through its yearly amounts.</summary>
public sealed record Salary(decimal Min, decimal Max, string Currency, SalaryPeriod Period)
{
    /// <summary>Working days and hours in a year, to compare day and hour rates with yearly salaries.</summary>
    public const int WorkingDaysPerYear = 220;
    public const int WorkingHoursPerYear = 1_760;

    public decimal YearlyMin => Min * PerYear(Period);

    public decimal YearlyMax => Max * PerYear(Period);

    public static decimal PerYear(SalaryPeriod period) => period switch
    {
        SalaryPeriod.Month => 12,
        SalaryPeriod.Day => WorkingDaysPerYear,
        SalaryPeriod.Hour => WorkingHoursPerYear,
        _ => 1,
    };
}

/// <summary>Everything an employer states about a posting, for drafting it or editing it; skills carry canonical ids.</summary>
public sealed record PostingDetails(
    string Title,
    string Company,
    string? Description,
    Seniority Seniority,
    WorkMode WorkMode,
    IReadOnlyList<Place> Locations,
    IReadOnlyList<string> AcceptedCountries,
    Salary? Salary,
    IReadOnlyList<PostingSkill> Skills);

/// <summary>The ISO codes a posting may use: the countries and currencies the platform's regional data knows.</summary>
public static class IsoCodes
{
    private static readonly Dictionary<string, string> CountryNames = LoadCountries();
    private static readonly HashSet<string> CurrencyCodes = LoadCurrencies();

    public static IReadOnlyDictionary<string, string> Countries => CountryNames;

    public static IReadOnlyCollection<string> Currencies => CurrencyCodes;

    public static bool IsCountry(string? code) => code is { Length: 2 } && CountryNames.ContainsKey(code.ToUpperInvariant());

    public static bool IsCurrency(string? code) => code is { Length: 3 } && CurrencyCodes.Contains(code.ToUpperInvariant());

    public static string CountryName(string code) => CountryNames.GetValueOrDefault(code.ToUpperInvariant(), code);

    private static Dictionary<string, string> LoadCountries()
    {
        var countries = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var culture in CultureInfo.GetCultures(CultureTypes.SpecificCultures))
        {
            if (TryRegion(culture, out var region) && region.TwoLetterISORegionName.Length == 2 && char.IsLetter(region.TwoLetterISORegionName[0]))
            {
                countries.TryAdd(region.TwoLetterISORegionName.ToUpperInvariant(), region.EnglishName);
            }
        }

        return countries;
    }

    private static HashSet<string> LoadCurrencies()
    {
        var currencies = new HashSet<string>(StringComparer.Ordinal);
        foreach (var culture in CultureInfo.GetCultures(CultureTypes.SpecificCultures))
        {
            if (TryRegion(culture, out var region) && region.ISOCurrencySymbol.Length == 3)
            {
                currencies.Add(region.ISOCurrencySymbol.ToUpperInvariant());
            }
        }

        return currencies;
    }

    private static bool TryRegion(CultureInfo culture, out RegionInfo region)
    {
        try
        {
            region = new RegionInfo(culture.Name);
            return true;
        }
        catch (ArgumentException)
        {
            region = null!;
            return false;
        }
    }
}
