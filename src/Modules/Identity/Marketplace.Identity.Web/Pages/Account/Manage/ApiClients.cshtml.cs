using Marketplace.BuildingBlocks.Application;
using Marketplace.Identity.Application.ApiClients;
using Marketplace.Identity.Contracts;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Marketplace.Identity.Web.Pages.Account.Manage;

[Authorize(Policy = AuthorizationPolicies.Employer)]
public sealed class ApiClientsModel(IApiClients apiClients, ICurrentUser currentUser) : PageModel
{
    public IReadOnlyList<ApiClientSummary> Clients { get; private set; } = [];

    public CreatedApiClient? Created { get; private set; }

    [BindProperty]
    public NewClient Input { get; set; } = new();

    private Guid Owner => currentUser.UserId!.Value;

    public async Task OnGetAsync(CancellationToken cancellationToken) =>
        Clients = await apiClients.ListAsync(Owner, cancellationToken);

    public async Task<IActionResult> OnPostCreateAsync(CancellationToken cancellationToken)
    {
        var result = await apiClients.CreateAsync(Owner, Input.DisplayName, Input.Scopes, cancellationToken);
        if (result.IsFailure)
        {
            ModelState.AddErrors(result);
        }
        else
        {
            // Rendered in this response only: the secret is never stored in clear nor put in a redirect.
            Created = result.Value;
            Input = new NewClient();
        }

        await OnGetAsync(cancellationToken);
        return Page();
    }

    public async Task<IActionResult> OnPostDeleteAsync(string clientId, CancellationToken cancellationToken)
    {
        var result = await apiClients.DeleteAsync(Owner, clientId, cancellationToken);
        return result.IsFailure ? NotFound() : RedirectToPage();
    }

    public sealed class NewClient
    {
        public string? DisplayName { get; set; }

        public List<string> Scopes { get; set; } = [];
    }
}
