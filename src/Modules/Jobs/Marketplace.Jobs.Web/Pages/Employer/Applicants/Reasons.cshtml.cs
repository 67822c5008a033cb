using Marketplace.BuildingBlocks.Domain;
using Marketplace.Identity.Contracts;
using Marketplace.Jobs.Application.Applications.Templates;
using Mediator;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Marketplace.Jobs.Web.Pages.Employer.Applicants;

/// <summary>The company's rejection reasons: edit, add (the blank row) or remove (empty a row) them.</summary>
[Authorize(Policy = AuthorizationPolicies.Employer)]
public sealed class ReasonsModel(ISender sender) : PageModel
{
    [BindProperty]
    public List<RejectionReasonInput> Templates { get; set; } = [];

    [TempData]
    public string? Notice { get; set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        var reasons = await sender.Send(new GetRejectionReasons(), cancellationToken);
        if (reasons.IsFailure)
        {
            return Forbid();
        }

        Templates = [.. reasons.Value.Select(t => new RejectionReasonInput(t.Title, t.Text)), new RejectionReasonInput(null, null)];
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        var saved = await sender.Send(new SaveRejectionReasons(Templates), cancellationToken);
        if (saved.IsSuccess)
        {
            Notice = $"Saved {saved.Value.Count} reasons.";
            return RedirectToPage();
        }

        if (saved.FirstError.Kind == ErrorKind.Forbidden)
        {
            return Forbid();
        }

        foreach (var error in saved.Errors)
        {
            ModelState.AddModelError(error.Field ?? string.Empty, error.Message);
        }

        return Page();
    }
}
