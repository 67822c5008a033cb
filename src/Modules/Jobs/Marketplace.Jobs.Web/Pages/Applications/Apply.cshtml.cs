using Marketplace.BuildingBlocks.Domain;
using Marketplace.Identity.Contracts;
using Marketplace.Jobs.Application.Applications.Apply;
using Mediator;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Marketplace.Jobs.Web.Pages.Applications;

/// <summary>Applying to a posting: what the company will see, an optional cover note, and a clear answer when it cannot be.</summary>
[Authorize(Policy = AuthorizationPolicies.JobSeeker)]
public sealed class ApplyModel(ISender sender) : PageModel
{
    public ApplyFormDto Form { get; private set; } = null!;

    [BindProperty]
    public string? CoverNote { get; set; }

    [TempData]
    public string? Notice { get; set; }

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken cancellationToken) => await ShowAsync(id, cancellationToken);

    public async Task<IActionResult> OnPostAsync(Guid id, CancellationToken cancellationToken)
    {
        var applied = await sender.Send(new ApplyToPosting(id, CoverNote), cancellationToken);
        if (applied.IsSuccess)
        {
            Notice = "Your application is sent. We will write to you each time it moves.";
            return RedirectToPage("Index");
        }

        switch (applied.FirstError.Kind)
        {
            case ErrorKind.NotFound:
                return NotFound();
            case ErrorKind.Forbidden:
                return Forbid();
        }

        foreach (var error in applied.Errors)
        {
            ModelState.AddModelError(error.Field ?? string.Empty, error.Message);
        }

        return await ShowAsync(id, cancellationToken);
    }

    private async Task<IActionResult> ShowAsync(Guid id, CancellationToken cancellationToken)
    {
        var form = await sender.Send(new GetApplyForm(id), cancellationToken);
        if (form.IsFailure)
        {
            return NotFound();
        }

        Form = form.Value;
        return Page();
    }
}
