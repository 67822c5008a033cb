using Marketplace.BuildingBlocks.Domain;
using Marketplace.Identity.Contracts;
using Marketplace.Jobs.Application.Moderation.Decide;
using Marketplace.Jobs.Application.Moderation.Queue;
using Mediator;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Marketplace.Jobs.Web.Pages.Admin;

/// <summary>What the moderators decide: reported postings (hold with a reason the employer is mailed, or dismiss), and held ones to release.</summary>
[Authorize(Policy = AuthorizationPolicies.Admin)]
public sealed class ModerationModel(ISender sender) : PageModel
{
    public ModerationQueueDto Queue { get; private set; } = new([], []);

    [TempData]
    public string? ModerationNotice { get; set; }

    /// <summary>The posting whose hold was refused, and why, shown next to its reason box.</summary>
    public (Guid PostingId, string Message)? Problem { get; private set; }

    public async Task OnGetAsync(CancellationToken cancellationToken) => Queue = (await sender.Send(new GetModerationQueue(), cancellationToken)).Value;

    public async Task<IActionResult> OnPostDecideAsync(Guid postingId, string? decision, string? reason, int? version, CancellationToken cancellationToken)
    {
        var decided = await sender.Send(new ModeratePosting(postingId, decision, reason, version), cancellationToken);
        if (decided.IsFailure)
        {
            if (decided.FirstError.Kind == ErrorKind.NotFound)
            {
                return NotFound();
            }

            Problem = (postingId, decided.FirstError.Message);
            await OnGetAsync(cancellationToken);
            return Page();
        }

        ModerationNotice = decision switch
        {
            nameof(ModerationDecision.Hold) => "The posting is on hold and its employer has been mailed the reason.",
            nameof(ModerationDecision.Release) => "The posting is visible again and its employer has been told.",
            _ => "The reports are dismissed; the posting stays as it is.",
        };
        return RedirectToPage();
    }
}
