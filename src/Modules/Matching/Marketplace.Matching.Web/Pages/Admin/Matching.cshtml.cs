using Marketplace.Identity.Contracts;
using Marketplace.Matching.Application.Rematching;
using Mediator;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Marketplace.Matching.Web.Pages.Admin;

/// <summary>
/// Admins start a full rematch and watch it: the current run's progress, rate and time left, and the last runs drawn. The page
/// works as plain HTML (reload to follow a run); matching-admin.js follows it live through the Progress handler.
/// </summary>
[Authorize(Policy = AuthorizationPolicies.Admin)]
public sealed class MatchingModel(ISender sender) : PageModel
{
    public IReadOnlyList<RematchRunDto> Runs { get; private set; } = [];

    /// <summary>The run the admin just started, until its start job has created it (then it is <see cref="Current"/>).</summary>
    [BindProperty(SupportsGet = true)]
    public Guid? Run { get; set; }

    public RematchRunDto? Current => Runs.FirstOrDefault();

    /// <summary>True while the started run has not appeared yet, or the newest run is not finished: the page follows it.</summary>
    public bool Following => Waiting || Current is { FinishedAt: null };

    public bool Waiting => Run is { } run && Runs.All(r => r.Id != run);

    [TempData]
    public string? Notice { get; set; }

    public async Task OnGetAsync(CancellationToken cancellationToken) => Runs = await sender.Send(new ListRematchRuns(), cancellationToken);

    /// <summary>The newest run as JSON for the page's script (admins only, like the page).</summary>
    public async Task<IActionResult> OnGetProgressAsync(CancellationToken cancellationToken)
    {
        Runs = await sender.Send(new ListRematchRuns(1), cancellationToken);
        var current = Current;
        return new JsonResult(new
        {
            waiting = Waiting,
            run = current is null ? null : new
            {
                id = current.Id,
                batches = current.Batches,
                batchesDone = current.BatchesDone,
                percent = RematchProgress.Percent(current),
                finished = current.FinishedAt is not null,
                text = RematchProgress.Describe(current),
            },
        });
    }

    public async Task<IActionResult> OnPostStartAsync(CancellationToken cancellationToken)
    {
        var started = await sender.Send(new StartFullRematch(), cancellationToken);
        if (started.IsFailure) return Forbid();
        Notice = "A full rematch was started; its batches appear below within seconds.";
        return RedirectToPage(new { run = started.Value });
    }
}
