using Marketplace.Jobs.Application.Postings.Get;
using Mediator;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Marketplace.Jobs.Web.Pages.Jobs;

/// <summary>One posting, for everyone: what the role is, pays and asks for; a signed-in visitor may report it (the Report page).</summary>
[AllowAnonymous]
public sealed class DetailsModel(ISender sender, TimeProvider clock) : PageModel
{
    public PostingPageDto View { get; private set; } = null!;

    public DateTimeOffset Now { get; } = clock.GetUtcNow();

    [TempData]
    public string? ReportNotice { get; set; }

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken cancellationToken) => await LoadAsync(id, cancellationToken) ?? Page();

    private async Task<IActionResult?> LoadAsync(Guid id, CancellationToken cancellationToken)
    {
        var page = await sender.Send(new GetPostingPage(id), cancellationToken);
        if (page.IsFailure)
        {
            return NotFound();
        }

        View = page.Value;
        return null;
    }
}
