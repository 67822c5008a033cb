using Marketplace.BuildingBlocks.Domain;
using Marketplace.Identity.Contracts;
using Marketplace.Jobs.Application.Postings.List;
using Marketplace.Jobs.Application.Postings.Manage;
using Mediator;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Marketplace.Jobs.Web.Pages.Employer.Postings;

/// <summary>The company's postings, every status, with their applicants; publish, renew or close one from here.</summary>
[Authorize(Policy = AuthorizationPolicies.Employer)]
public sealed class IndexModel(ISender sender) : PageModel
{
    public ManagedPostingsDto Postings { get; private set; } = new(null, []);

    [TempData]
    public string? PostingNotice { get; set; }

    public string? Problem { get; private set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken) => await LoadAsync(cancellationToken);

    /// <summary>Publish, Renew or Close (with a reason), at the version the list showed.</summary>
    public async Task<IActionResult> OnPostActAsync(Guid id, int version, string? action, string? reason, CancellationToken cancellationToken)
    {
        var done = await sender.Send(new ManagePosting(id, action, reason, version), cancellationToken);
        if (done.IsFailure)
        {
            // Another company's posting is answered as if it were not there.
            if (done.FirstError.Kind is ErrorKind.NotFound or ErrorKind.Forbidden)
            {
                return NotFound();
            }

            Problem = done.FirstError.Message;
            return await LoadAsync(cancellationToken);
        }

        PostingNotice = done.Value.Status switch
        {
            "Published" when action == nameof(PostingAction.Renew) => $"\"{done.Value.Title}\" runs until {Display.Date(done.Value.ExpiresAt)}.",
            "Published" => $"\"{done.Value.Title}\" is published until {Display.Date(done.Value.ExpiresAt)}.",
            _ => $"\"{done.Value.Title}\" is closed ({done.Value.ClosingReason?.ToLowerInvariant()}).",
        };
        return RedirectToPage();
    }

    private async Task<IActionResult> LoadAsync(CancellationToken cancellationToken)
    {
        var postings = await sender.Send(new ListManagedPostings(), cancellationToken);
        if (postings.IsFailure)
        {
            return Forbid();
        }

        Postings = postings.Value;
        return Page();
    }
}
