using Marketplace.BuildingBlocks.Domain;
using Marketplace.Jobs.Application.Moderation.Report;
using Marketplace.Jobs.Application.Postings.Get;
using Mediator;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Marketplace.Jobs.Web.Pages.Jobs;

/// <summary>
/// Reporting a posting to the moderators, for anyone signed in: the posting's page posts its form here, and this page shows
/// the form again with what was wrong with it. A page of its own so that signing in is asked before anything else.
/// </summary>
[Authorize]
public sealed class ReportModel(ISender sender) : PageModel
{
    /// <summary>The reasons a report gives, as the form offers them (the values are the command's).</summary>
    public static readonly (string Value, string Label)[] Reasons =
    [
        ("Spam", "Spam or advertising"),
        ("Scam", "A scam or asks for money"),
        ("Discriminatory", "Discriminatory"),
        ("Misleading", "Misleading (salary, place, role)"),
        ("Offensive", "Offensive"),
        ("Other", "Something else"),
    ];

    public PostingPageDto View { get; private set; } = null!;

    [BindProperty]
    public ReportInput Report { get; set; } = new();

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken cancellationToken) => await LoadAsync(id, cancellationToken) ?? Page();

    public async Task<IActionResult> OnPostAsync(Guid id, CancellationToken cancellationToken)
    {
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

        TempData["ReportNotice"] = "Thank you. You reported this posting; the moderators will look at it.";
        return RedirectToPage("Details", new { id });
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
