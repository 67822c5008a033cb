using Marketplace.BuildingBlocks.Domain;
using Marketplace.Jobs.Application.Moderation.Report;
using Marketplace.Jobs.Application.Postings.Get;
using Mediator;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Marketplace.Jobs.Web.Pages.Jobs;

/// <summary>One posting, for everyone: what the role is, pays and asks for; a signed-in visitor may report it to the moderators.</summary>
[AllowAnonymous]
public sealed class DetailsModel(ISender sender, TimeProvider clock) : PageModel
{
    public PostingPageDto View { get; private set; } = null!;

    public DateTimeOffset Now { get; } = clock.GetUtcNow();

    [BindProperty]
    public ReportInput Report { get; set; } = new();

    [TempData]
    public string? ReportNotice { get; set; }

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken cancellationToken) => await LoadAsync(id, cancellationToken) ?? Page();

    public async Task<IActionResult> OnPostReportAsync(Guid id, CancellationToken cancellationToken)
    {
        if (User.Identity?.IsAuthenticated != true)
        {
            return Challenge();
        }

        var reported = await sender.Send(new ReportPosting(id, Report.Reason, Report.Details), cancellationToken);
        if (reported.IsFailure)
        {
            if (reported.FirstError.Kind == ErrorKind.NotFound)
            {
                return NotFound();
            }

            foreach (var error in reported.Errors)
            {
                ModelState.AddModelError(error.Field is null || error.Kind != ErrorKind.Validation ? string.Empty : $"Report.{error.Field}", error.Message);
            }

            return await LoadAsync(id, cancellationToken) ?? Page();
        }

        ReportNotice = "Thank you. You reported this posting; the moderators will look at it.";
        return RedirectToPage(new { id });
    }

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

    public sealed class ReportInput
    {
        public string? Reason { get; set; }

        public string? Details { get; set; }
    }
}
