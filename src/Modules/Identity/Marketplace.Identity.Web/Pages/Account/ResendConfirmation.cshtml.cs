using Marketplace.Identity.Application.Accounts.EmailConfirmation;
using Mediator;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Marketplace.Identity.Web.Pages.Account;

public sealed class ResendConfirmationModel(ISender sender) : PageModel
{
    [BindProperty]
    public string? Email { get; set; }

    public void OnGet()
    {
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        await sender.Send(new ResendConfirmation(Email), cancellationToken);
        return RedirectToPage("/Account/CheckEmail");
    }
}
