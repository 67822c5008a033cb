using Marketplace.BuildingBlocks.Domain;
using Marketplace.Identity.Contracts;
using Marketplace.Jobs.Application.Companies.Get;
using Marketplace.Jobs.Application.Companies.Invite;
using Mediator;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Marketplace.Jobs.Web.Pages.Employer;

/// <summary>The employer's company: its members, and for its admins the invitations and a form to invite someone.</summary>
[Authorize(Policy = AuthorizationPolicies.Employer)]
public sealed class CompanyModel(ISender sender) : PageModel
{
    public MyCompanyDto? Company { get; private set; }

    [BindProperty]
    public InviteInput Input { get; set; } = new();

    [TempData]
    public string? Invited { get; set; }

    public async Task OnGetAsync(CancellationToken cancellationToken) => await LoadAsync(cancellationToken);

    public async Task<IActionResult> OnPostInviteAsync(CancellationToken cancellationToken)
    {
        var invited = await sender.Send(new InviteToCompany(Input.CompanyId, Input.Email), cancellationToken);
        if (invited.IsFailure)
        {
            switch (invited.FirstError.Kind)
            {
                case ErrorKind.NotFound:
                    return NotFound();
                case ErrorKind.Forbidden:
                    return Forbid();
            }

            foreach (var error in invited.Errors)
            {
                ModelState.AddModelError(error.Field is null ? string.Empty : $"Input.{error.Field}", error.Message);
            }

            await LoadAsync(cancellationToken);
            return Page();
        }

        Invited = Input.Email!.Trim();
        return RedirectToPage();
    }

    private async Task LoadAsync(CancellationToken cancellationToken)
    {
        var company = await sender.Send(new GetMyCompany(), cancellationToken);
        Company = company.IsSuccess ? company.Value : null;
        Input.CompanyId = Company?.Id ?? Guid.Empty;
    }

    public sealed class InviteInput
    {
        public Guid CompanyId { get; set; }

        public string? Email { get; set; }
    }
}
