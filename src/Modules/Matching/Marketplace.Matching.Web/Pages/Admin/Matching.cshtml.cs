using Marketplace.Identity.Contracts;
using Marketplace.Matching.Application.Rematching;
using Mediator;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Marketplace.Matching.Web.Pages.Admin;

/// <summary>Admins start a full rematch and watch it: the current run's progress, rate and time left, and the last runs drawn.</summary>
[Authorize(Policy = AuthorizationPolicies.Admin)]
public sealed class MatchingModel(ISender sender) : PageModel
{
    public IReadOnlyList<RematchRunDto> Runs { get; private set; } = [];

    public RematchRunDto? Current => Runs.FirstOrDefault();

    [TempData]
    public string? Notice { get; set; }

    public async Task OnGetAsync(CancellationToken cancellationToken) => Runs = await sender.Send(new ListRematchRuns(), cancellationToken);

    public async Task<IActionResult> OnPostStartAsync(CancellationToken cancellationToken)
    {
        var started = await sender.Send(new StartFullRematch(), cancellationToken);
        if (started.IsFailure) return Forbid();
        Notice = "A full rematch was started; its batches appear below within seconds.";
        return RedirectToPage();
    }
}
