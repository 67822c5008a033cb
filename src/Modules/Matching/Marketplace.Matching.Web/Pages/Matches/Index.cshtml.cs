using Marketplace.Identity.Contracts;
using Marketplace.Matching.Application.Matches;
using Marketplace.Matching.Contracts;
using Mediator;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Marketplace.Matching.Web.Pages.Matches;

/// <summary>The seeker's postings ranked by score, each with its parts drawn and its skills as chips; one match opened whole.</summary>
[Authorize(Policy = AuthorizationPolicies.JobSeeker)]
public sealed class IndexModel(ISender sender) : PageModel
{
    public RankedPage<ProfileMatchView> Matches { get; private set; } = null!;

    public MyMatchDto? Open { get; private set; }

    [BindProperty(SupportsGet = true, Name = "pageNumber")]
    public int PageNumber { get; set; } = 1;

    [BindProperty(SupportsGet = true, Name = "explain")]
    public Guid? Explain { get; set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        var matches = await sender.Send(new ListMyMatches(Math.Clamp(PageNumber, 1, 1_000), 10), cancellationToken);
        if (matches.IsFailure) return Forbid();
        Matches = matches.Value;
        if (Explain is { } postingId && await sender.Send(new ExplainMyMatch(postingId), cancellationToken) is { IsSuccess: true } explained)
            Open = explained.Value;
        return Page();
    }
}
