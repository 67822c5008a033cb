using Marketplace.Courses.Application.Catalog.Search;
using Mediator;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Marketplace.Courses.Web.Pages.Courses;

/// <summary>The catalog for everyone: words, a skill as people write it, level, hours, price and provider; a plain GET form.</summary>
public sealed class IndexModel(ISender sender) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public string? Q { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? Skill { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? Level { get; set; }

    [BindProperty(SupportsGet = true)]
    public decimal? MaxHours { get; set; }

    [BindProperty(SupportsGet = true)]
    public decimal? MaxPrice { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? Provider { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? Sort { get; set; }

    [BindProperty(SupportsGet = true, Name = "p")]
    public int PageNumber { get; set; } = 1;

    public CourseSearchResult? Result { get; private set; }

    public IReadOnlyList<string> Providers { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        if (!ModelState.IsValid)
        {
            // A number field that was not a number: its own message, and the search without it.
            foreach (var key in ModelState.Keys.Where(k => ModelState[k]!.Errors.Count > 0).ToList())
            {
                ModelState[key]!.Errors.Clear();
                ModelState.AddModelError(key, key == nameof(MaxHours) ? "Write the hours as a number, such as 20." : "Write the price as a number, such as 50.");
            }
        }

        var result = await sender.Send(new SearchCourses(Q, Skill, Level, MaxHours, MaxPrice, Provider, Sort, Page: Math.Clamp(PageNumber, 1, 1000)), cancellationToken);
        if (result.IsFailure)
        {
            ModelState.AddErrors(result, field => field);
            if (await sender.Send(new SearchCourses(), cancellationToken) is { IsSuccess: true } all)
            {
                Providers = all.Value.Providers;
            }

            return Page();
        }

        Result = result.Value;
        Providers = result.Value.Providers;
        return Page();
    }

    public string PageLink(int page) => "?" + string.Join("&", new (string Key, string? Value)[]
        {
            ("q", Q), ("skill", Skill), ("level", Level), ("maxHours", MaxHours?.ToString(System.Globalization.CultureInfo.InvariantCulture)),
            ("maxPrice", MaxPrice?.ToString(System.Globalization.CultureInfo.InvariantCulture)), ("provider", Provider), ("sort", Sort), ("p", page.ToString(System.Globalization.CultureInfo.InvariantCulture)),
        }
        .Where(p => !string.IsNullOrEmpty(p.Value))
        .Select(p => $"{p.Key}={Uri.EscapeDataString(p.Value!)}"));
}
