using Marketplace.BuildingBlocks.Application;
using Marketplace.Identity.Application.Accounts;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Marketplace.Identity.Web.Pages.Account.Manage;

public sealed class IndexModel(IAccounts accounts, ICurrentUser currentUser) : PageModel
{
    public AccountSummary? Account { get; private set; }

    [TempData]
    public string? Notice { get; set; }

    [BindProperty]
    public PasswordChange Password { get; set; } = new();

    [BindProperty]
    public EmailChangeInput EmailChange { get; set; } = new();

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        Account = await accounts.FindActiveAsync(currentUser.UserId!.Value, cancellationToken);
        return Account is null ? Challenge() : Page();
    }

    public async Task<IActionResult> OnPostChangePasswordAsync(CancellationToken cancellationToken)
    {
        var result = await accounts.ChangePasswordAsync(currentUser.UserId!.Value, Password.CurrentPassword, Password.NewPassword);
        if (result.IsFailure)
        {
            ModelState.AddErrors(result, nameof(Password));
            return await OnGetAsync(cancellationToken);
        }

        Notice = "Your password is changed; your other sessions are signed out.";
        return RedirectToPage();
    }

    public async Task<IActionResult> OnPostChangeEmailAsync(CancellationToken cancellationToken)
    {
        var result = await accounts.RequestEmailChangeAsync(currentUser.UserId!.Value, EmailChange.NewEmail, EmailChange.CurrentPassword, cancellationToken);
        if (result.IsFailure)
        {
            ModelState.AddErrors(result, nameof(EmailChange));
            return await OnGetAsync(cancellationToken);
        }

        Notice = "We sent a confirmation link to the new address; your email changes when you follow it.";
        return RedirectToPage();
    }

    public sealed class PasswordChange
    {
        public string? CurrentPassword { get; set; }

        public string? NewPassword { get; set; }
    }

    public sealed class EmailChangeInput
    {
        public string? NewEmail { get; set; }

        public string? CurrentPassword { get; set; }
    }
}
