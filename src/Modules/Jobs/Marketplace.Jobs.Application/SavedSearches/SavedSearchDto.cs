using Marketplace.Jobs.Application.Search;
using Marketplace.Jobs.Domain.SavedSearches;

namespace Marketplace.Jobs.Application.SavedSearches;

public sealed record SavedSearchDto(
    Guid Id,
    string Name,
    string Frequency,
    string Summary,
    SearchPostings Search,
    DateTimeOffset CreatedAt,
    DateTimeOffset? LastAlertAt,
    DateTimeOffset? NextAlertAt)
{
    public static SavedSearchDto From(SavedSearch search) => new(
        search.Id,
        search.Name,
        search.Frequency.ToString(),
        SavedSearchNames.Summary(search.Criteria),
        SearchPostings.From(search.Criteria),
        search.CreatedAt,
        search.LastAlertAt,
        search.NextAlertAt);
}

/// <summary>A search's criteria in a few words, for its name and the alert's subject.</summary>
public static class SavedSearchNames
{
    public static string Summary(SearchCriteria criteria)
    {
        var parts = new List<string>();
        if (criteria.Text is { Length: > 0 } text)
        {
            parts.Add(text);
        }

        parts.AddRange(criteria.Skills);
        parts.AddRange(criteria.WorkModes.Select(m => SearchLabels.WorkMode(m.ToString())));
        parts.AddRange(criteria.Seniorities.Select(s => s.ToString()));
        if (criteria.Country is { } country)
        {
            parts.Add(Domain.Postings.IsoCodes.CountryName(country));
        }

        if (criteria.MinSalary is { } min)
        {
            parts.Add($"from {min:#,0} {criteria.Currency}");
        }

        var summary = string.Join(" · ", parts);
        return summary.Length <= SavedSearch.MaxNameLength ? summary : summary[..(SavedSearch.MaxNameLength - 1)] + "…";
    }
}
