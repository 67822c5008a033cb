using Marketplace.Identity.Application.Accounts;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Marketplace.Identity.Web.Pages.Account;

public sealed class ResendConfirmationModel(IAccounts accounts) : PageModel
{
    [BindProperty]
    public string? Email { get; set; }

    public void OnGet()
    {
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        await accounts.ResendConfirmationAsync(Email, cancellationToken);
        return RedirectToPage("/Account/CheckEmail");
    }
}
