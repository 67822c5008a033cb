using Marketplace.Jobs.Application.Search;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.Extensions.Primitives;

namespace Marketplace.Jobs.Web.Pages.Jobs;

/// <summary>The search as the /Jobs form and its links carry it in the query string (a GET form: every search has an address).</summary>
public sealed class SearchForm
{
    public string? Q { get; set; }

    public string? Skills { get; set; }

    public List<string> WorkMode { get; set; } = [];

    public List<string> Seniority { get; set; } = [];

    public string? Country { get; set; }

    public decimal? MinSalary { get; set; }

    public string? Currency { get; set; }

    public int? PostedWithin { get; set; }

    public string? Sort { get; set; }

    public string? After { get; set; }

    public bool IsEmpty =>
        string.IsNullOrWhiteSpace(Q) && string.IsNullOrWhiteSpace(Skills) && WorkMode.Count == 0 && Seniority.Count == 0
        && string.IsNullOrWhiteSpace(Country) && MinSalary is null && PostedWithin is null;

    public SearchPostings ToQuery(bool facets = true) =>
        new(Q, Skills, WorkMode, Seniority, Blank(Country), MinSalary, Blank(Currency), PostedWithin, Blank(Sort), Blank(After), null, facets);

    public static SearchForm From(SearchPostings search) => new()
    {
        Q = search.Q,
        Skills = search.Skills,
        WorkMode = [.. search.WorkMode ?? []],
        Seniority = [.. search.Seniority ?? []],
        Country = search.Country,
        MinSalary = search.MinSalary,
        Currency = search.Currency,
        PostedWithin = search.PostedWithin,
        Sort = search.Sort,
    };

    /// <summary>This search's address, with one change (a facet toggled, another page): the page link starts at the first page unless it says otherwise.</summary>
    public string Link(Action<SearchForm>? change = null)
    {
        var copy = (SearchForm)MemberwiseClone();
        copy.WorkMode = [.. WorkMode];
        copy.Seniority = [.. Seniority];
        copy.After = null;
        change?.Invoke(copy);
        return QueryHelpers.AddQueryString("/Jobs", copy.Values());
    }

    public bool Has(List<string> values, string value) => values.Contains(value, StringComparer.OrdinalIgnoreCase);

    public static void Toggle(List<string> values, string value)
    {
        if (values.RemoveAll(v => string.Equals(v, value, StringComparison.OrdinalIgnoreCase)) == 0)
        {
            values.Add(value);
        }
    }

    /// <summary>Adds a skill to the skills field, unless it is in it already.</summary>
    public void AddSkill(string name)
    {
        var current = SearchSkills.Split(Skills);
        if (!current.Contains(name, StringComparer.OrdinalIgnoreCase))
        {
            Skills = string.Join(", ", [.. current, name]);
        }
    }

    private IEnumerable<KeyValuePair<string, StringValues>> Values()
    {
        var values = new Dictionary<string, StringValues>();
        void Add(string key, string? value)
        {
            if (!string.IsNullOrWhiteSpace(value))
            {
                values[key] = value;
            }
        }

        Add("q", Q);
        Add("skills", Skills);
        if (WorkMode.Count > 0)
        {
            values["workMode"] = new StringValues([.. WorkMode]);
        }

        if (Seniority.Count > 0)
        {
            values["seniority"] = new StringValues([.. Seniority]);
        }

        Add("country", Country);
        Add("minSalary", MinSalary?.ToString(System.Globalization.CultureInfo.InvariantCulture));
        Add("currency", MinSalary is null ? null : Currency);
        Add("postedWithin", PostedWithin?.ToString(System.Globalization.CultureInfo.InvariantCulture));
        Add("sort", Sort);
        Add("after", After);
        return values;
    }

    private static string? Blank(string? value) => string.IsNullOrWhiteSpace(value) ? null : value;
}
