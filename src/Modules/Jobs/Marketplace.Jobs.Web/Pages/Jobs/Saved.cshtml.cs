using Marketplace.BuildingBlocks.Domain;
using Marketplace.Identity.Contracts;
using Marketplace.Jobs.Application.SavedSearches;
using Marketplace.Jobs.Application.SavedSearches.Manage;
using Marketplace.Jobs.Application.SavedSearches.Save;
using Mediator;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Marketplace.Jobs.Web.Pages.Jobs;

/// <summary>A seeker's saved searches: run one, change how often it alerts, or delete it; the search page saves new ones here.</summary>
[Authorize(Policy = AuthorizationPolicies.JobSeeker)]
public sealed class SavedModel(ISender sender) : PageModel
{
    public IReadOnlyList<SavedSearchDto> Searches { get; private set; } = [];

    [TempData]
    public string? SavedNotice { get; set; }

    public string? Problem { get; private set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken) => await LoadAsync(cancellationToken);

    /// <summary>The search page's "Save this search": its fields as the search itself names them, and how often to alert.</summary>
    public async Task<IActionResult> OnPostSaveAsync([FromForm] SearchForm search, [FromForm] string? frequency, [FromForm] string? name, CancellationToken cancellationToken)
    {
        var saved = await sender.Send(new SaveSearch(search.ToQuery(facets: false), name, frequency), cancellationToken);
        if (saved.IsFailure)
        {
            Problem = string.Join(" ", saved.Errors.Select(e => e.Message));
            return await LoadAsync(cancellationToken);
        }

        SavedNotice = $"Saved \"{saved.Value.Name}\". {Alerts(saved.Value.Frequency)}";
        return Redirect(search.Link());
    }

    public async Task<IActionResult> OnPostChangeAsync(Guid id, string? frequency, CancellationToken cancellationToken) =>
        await ChangeAsync(new ChangeSavedSearch(id, frequency), "Alert changed.", cancellationToken);

    public async Task<IActionResult> OnPostDeleteAsync(Guid id, CancellationToken cancellationToken) =>
        await ChangeAsync(new ChangeSavedSearch(id, null, Delete: true), "Saved search deleted.", cancellationToken);

    public static string Alerts(string frequency) => frequency switch
    {
        "Instant" => "New jobs that match are mailed to you as they appear.",
        "Daily" => "New jobs that match are mailed to you once a day.",
        "Weekly" => "New jobs that match are mailed to you once a week.",
        _ => "No mail: run it from here when you like.",
    };

    private async Task<IActionResult> ChangeAsync(ChangeSavedSearch command, string done, CancellationToken cancellationToken)
    {
        var changed = await sender.Send(command, cancellationToken);
        if (changed.IsFailure)
        {
            if (changed.FirstError.Kind == ErrorKind.NotFound)
            {
                return NotFound();
            }

            Problem = changed.FirstError.Message;
            return await LoadAsync(cancellationToken);
        }

        SavedNotice = done;
        return RedirectToPage();
    }

    private async Task<IActionResult> LoadAsync(CancellationToken cancellationToken)
    {
        var searches = await sender.Send(new ListMySavedSearches(), cancellationToken);
        if (searches.IsFailure)
        {
            return Forbid();
        }

        Searches = searches.Value;
        return Page();
    }
}
