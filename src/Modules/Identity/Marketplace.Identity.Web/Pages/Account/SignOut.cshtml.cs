using Marketplace.Identity.Application.Accounts;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Marketplace.Identity.Web.Pages.Account;

/// <summary>Sign-out is a POST with an antiforgery token, so another site cannot sign people out.</summary>
public sealed class SignOutModel(IAccountSessions accounts) : PageModel
{
    public void OnGet()
    {
    }

    public async Task<IActionResult> OnPostAsync()
    {
        await accounts.SignOutAsync();
        return RedirectToPage("/Account/SignedOut");
    }
}
