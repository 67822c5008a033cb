using Marketplace.Identity.Contracts;
using Marketplace.Matching.Application.Digests;
using Mediator;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Marketplace.Matching.Web.Pages.Matches.Digest;

/// <summary>The seeker turns the weekly digest of new matches on or off and sets the lowest score a match needs to be in it.</summary>
[Authorize(Policy = AuthorizationPolicies.JobSeeker)]
public sealed class IndexModel(ISender sender) : PageModel
{
    [BindProperty]
    public bool Enabled { get; set; }

    [BindProperty]
    public int MinimumScore { get; set; }

    public DateTimeOffset? LastSweptAt { get; private set; }

    [TempData]
    public bool Saved { get; set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        var digest = await sender.Send(new GetMyDigest(), cancellationToken);
        if (digest.IsFailure) return Forbid();
        (Enabled, MinimumScore, LastSweptAt) = (digest.Value.Enabled, digest.Value.MinimumScore, digest.Value.LastSweptAt);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        if (!ModelState.IsValid)
        {
            ModelState.Remove(nameof(MinimumScore));
            ModelState.AddModelError(nameof(MinimumScore), "Enter a whole number from 1 to 100.");
            return Page();
        }

        var chosen = await sender.Send(new ChooseDigest(Enabled, MinimumScore), cancellationToken);
        if (chosen.IsFailure)
        {
            if (chosen.FirstError.Kind == Marketplace.BuildingBlocks.Domain.ErrorKind.Forbidden) return Forbid();
            ModelState.AddModelError(nameof(MinimumScore), chosen.FirstError.Message);
            return Page();
        }

        Saved = true;
        return RedirectToPage();
    }
}
