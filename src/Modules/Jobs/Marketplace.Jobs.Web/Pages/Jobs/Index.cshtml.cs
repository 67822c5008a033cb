using Marketplace.Jobs.Application.Search;
using Mediator;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Marketplace.Jobs.Web.Pages.Jobs;

/// <summary>The job search, for everyone: words, skills as people write them, filters with counts, and pages that stay put.</summary>
[AllowAnonymous]
public sealed class IndexModel(ISender sender, TimeProvider clock) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public SearchForm Search { get; set; } = new();

    public SearchResultsDto? Results { get; private set; }

    public DateTimeOffset Now { get; } = clock.GetUtcNow();

    [TempData]
    public string? SavedNotice { get; set; }

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        // Bound values that do not parse (minSalary=abc) are named next to their field, like every other problem.
        if (!ModelState.IsValid)
        {
            var unreadable = ModelState.Where(e => e.Value is { Errors.Count: > 0 } && !e.Key.StartsWith("Search.", StringComparison.Ordinal)).Select(e => e.Key).ToList();
            foreach (var key in unreadable)
            {
                ModelState.AddModelError($"Search.{key}", $"This value could not be read; check that {key} is a number.");
            }

            return;
        }

        var results = await sender.Send(Search.ToQuery(), cancellationToken);
        if (results.IsFailure)
        {
            foreach (var error in results.Errors)
            {
                ModelState.AddModelError(error.Field is null ? string.Empty : $"Search.{error.Field}", error.Message);
            }

            return;
        }

        Results = results.Value;
    }
}
