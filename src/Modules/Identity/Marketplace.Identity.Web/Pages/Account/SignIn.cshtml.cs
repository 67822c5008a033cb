using Marketplace.Identity.Application.Accounts;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Marketplace.Identity.Web.Pages.Account;

public sealed class SignInModel(IAccountSessions accounts) : PageModel
{
    public const string Rejected = "The email or password is not correct, or the account is locked for a few minutes after too many attempts.";

    [BindProperty]
    public SignInInput Input { get; set; } = new();

    [BindProperty(SupportsGet = true)]
    public string? ReturnUrl { get; set; }

    public void OnGet()
    {
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        var outcome = await accounts.SignInAsync(Input.Email, Input.Password, Input.RememberMe, cancellationToken);
        Input.Password = null;
        switch (outcome)
        {
            case SignInOutcome.SignedIn:
                return LocalRedirect(Url.IsLocalUrl(ReturnUrl) ? ReturnUrl : "/Account/Manage");
            case SignInOutcome.EmailNotConfirmed:
                ModelState.AddModelError(string.Empty, "Confirm your email first: follow the link we sent you, or ask for a new one under \"Sign up\".");
                return Page();
            default:
                ModelState.AddModelError(string.Empty, Rejected);
                return Page();
        }
    }

    public sealed class SignInInput
    {
        public string? Email { get; set; }

        public string? Password { get; set; }

        public bool RememberMe { get; set; }
    }
}
