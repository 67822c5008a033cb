using Marketplace.BuildingBlocks.Domain;
using Marketplace.Identity.Contracts;
using Marketplace.Jobs.Application.Applications;
using Marketplace.Jobs.Application.Applications.Mine;
using Marketplace.Jobs.Application.Applications.Withdraw;
using Mediator;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Marketplace.Jobs.Web.Pages.Applications;

/// <summary>The seeker's applications: each one's stage and timeline, and a way to withdraw an open one.</summary>
[Authorize(Policy = AuthorizationPolicies.JobSeeker)]
public sealed class IndexModel(ISender sender) : PageModel
{
    public IReadOnlyList<MyApplicationDto> Applications { get; private set; } = [];

    [TempData]
    public string? Notice { get; set; }

    [BindProperty]
    public Guid ApplicationId { get; set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        var mine = await sender.Send(new ListMyApplications(), cancellationToken);
        if (mine.IsFailure)
        {
            return Forbid();
        }

        Applications = mine.Value;
        return Page();
    }

    public async Task<IActionResult> OnPostWithdrawAsync(CancellationToken cancellationToken)
    {
        var withdrawn = await sender.Send(new WithdrawApplication(ApplicationId), cancellationToken);
        if (withdrawn.IsFailure)
        {
            if (withdrawn.FirstError.Kind == ErrorKind.NotFound)
            {
                return NotFound();
            }

            Notice = withdrawn.FirstError.Message;
            return RedirectToPage();
        }

        Notice = "Your application is withdrawn.";
        return RedirectToPage();
    }
}
