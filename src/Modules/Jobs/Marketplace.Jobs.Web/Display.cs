using System.Globalization;
using Marketplace.Jobs.Application.Postings;

namespace Marketplace.Jobs.Web;

/// <summary>How the Jobs pages write statuses, dates, salaries and places.</summary>
public static class Display
{
    private static readonly CultureInfo Culture = CultureInfo.InvariantCulture;

    public static string Status(string status, string? closingReason = null) => status switch
    {
        "Draft" => "Draft",
        "Published" => "Published",
        "Closed" => closingReason is null ? "Closed" : $"Closed ({closingReason.ToLowerInvariant()})",
        "Expired" => "Expired",
        "OnHold" => "On hold",
        _ => status,
    };

    public static string Date(DateTimeOffset? at) => at?.UtcDateTime.ToString("d MMM yyyy", Culture) ?? "";

    public static string Ago(DateTimeOffset at, DateTimeOffset now)
    {
        var days = (int)Math.Floor((now - at).TotalDays);
        return days switch
        {
            <= 0 => "today",
            1 => "yesterday",
            < 30 => $"{days} days ago",
            _ => Date(at),
        };
    }

    public static string Salary(SalaryDto salary)
    {
        var period = salary.Period switch
        {
            "Month" => "a month",
            "Day" => "a day",
            "Hour" => "an hour",
            _ => "a year",
        };
        return salary.Min == salary.Max
            ? string.Create(Culture, $"{Amount(salary.Min)} {salary.Currency} {period}")
            : string.Create(Culture, $"{Amount(salary.Min)}–{Amount(salary.Max)} {salary.Currency} {period}");
    }

    public static string WorkMode(string mode) => mode == "OnSite" ? "On-site" : mode;

    /// <summary>Where the work is: the places, or for a remote role the countries it accepts (or anywhere).</summary>
    public static string Places(string workMode, IReadOnlyList<PlaceDto> places, IReadOnlyList<string> acceptedCountries)
    {
        var cities = string.Join(" · ", places.Select(p => p.Country.Length == 0 ? p.City : $"{p.City}, {p.CountryName}"));
        if (workMode != "Remote")
        {
            return cities;
        }

        var accepted = acceptedCountries.Count == 0 ? "anywhere" : string.Join(", ", acceptedCountries.Select(PostingOptions.CountryName));
        return cities.Length == 0 ? $"from {accepted}" : $"from {accepted} · office: {cities}";
    }

    private static string Amount(decimal amount) =>
        amount >= 10_000 && amount % 1_000 == 0 ? string.Create(Culture, $"{amount / 1_000:0}k") : amount.ToString("#,0.##", Culture);
}
