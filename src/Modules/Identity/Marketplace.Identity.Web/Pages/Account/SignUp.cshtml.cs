using Marketplace.Identity.Application.Accounts;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Marketplace.Identity.Web.Pages.Account;

public sealed class SignUpModel(IAccounts accounts) : PageModel
{
    [BindProperty]
    public SignUpInput Input { get; set; } = new();

    public void OnGet()
    {
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        var result = await accounts.SignUpAsync(
            new SignUpRequest(Input.Email, Input.Password, Input.Kind, Input.CompanyName), cancellationToken);
        if (result.IsFailure)
        {
            ModelState.AddErrors(result);
            Input.Password = null;
            return Page();
        }

        // The same page whether or not the email was already registered: the mailbox tells its owner which.
        return RedirectToPage("/Account/CheckEmail");
    }

    public sealed class SignUpInput
    {
        public string? Email { get; set; }

        public string? Password { get; set; }

        public AccountKind Kind { get; set; } = AccountKind.JobSeeker;

        public string? CompanyName { get; set; }
    }
}
