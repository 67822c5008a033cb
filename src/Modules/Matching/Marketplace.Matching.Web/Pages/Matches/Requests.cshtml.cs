using Marketplace.BuildingBlocks.Domain;
using Marketplace.Identity.Contracts;
using Marketplace.Matching.Application.Candidates;
using Marketplace.Matching.Application.Candidates.Requests;
using Mediator;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Marketplace.Matching.Web.Pages.Matches;

/// <summary>The seeker's contact requests from companies: accept (they see your name and email) or decline.</summary>
[Authorize(Policy = AuthorizationPolicies.JobSeeker)]
public sealed class RequestsModel(ISender sender) : PageModel
{
    public IReadOnlyList<MyContactRequestDto> Requests { get; private set; } = [];

    [BindProperty]
    public Guid RequestId { get; set; }

    [TempData]
    public string? Notice { get; set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken) => await ShowAsync(cancellationToken);

    public Task<IActionResult> OnPostAcceptAsync(CancellationToken cancellationToken) =>
        AnswerAsync(true, "Accepted: the company now sees your name and email address for this posting.", cancellationToken);

    public Task<IActionResult> OnPostDeclineAsync(CancellationToken cancellationToken) =>
        AnswerAsync(false, "Declined: the company still does not know who you are, and will not ask again for this posting.", cancellationToken);

    private async Task<IActionResult> AnswerAsync(bool accept, string notice, CancellationToken cancellationToken)
    {
        var answered = await sender.Send(new AnswerContactRequest(RequestId, accept), cancellationToken);
        if (answered.IsSuccess)
        {
            Notice = notice;
            return RedirectToPage();
        }

        if (answered.FirstError.Kind == ErrorKind.NotFound)
        {
            return NotFound();
        }

        ModelState.AddModelError(string.Empty, answered.FirstError.Message);
        return await ShowAsync(cancellationToken);
    }

    private async Task<IActionResult> ShowAsync(CancellationToken cancellationToken)
    {
        var requests = await sender.Send(new ListMyContactRequests(), cancellationToken);
        if (requests.IsFailure)
        {
            return Forbid();
        }

        Requests = requests.Value;
        return Page();
    }
}
