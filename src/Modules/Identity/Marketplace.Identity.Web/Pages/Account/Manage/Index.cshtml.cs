using Marketplace.BuildingBlocks.Application;
using Marketplace.Identity.Application.Accounts;
using Marketplace.Identity.Application.Accounts.EmailChange;
using Marketplace.Identity.Application.Accounts.PasswordChange;
using Mediator;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Marketplace.Identity.Web.Pages.Account.Manage;

public sealed class IndexModel(ISender sender, IAccountSessions sessions, ICurrentUser currentUser) : PageModel
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
        Account = await sessions.FindActiveAsync(currentUser.UserId!.Value, cancellationToken);
        return Account is null ? Challenge() : Page();
    }

    public async Task<IActionResult> OnPostChangePasswordAsync(CancellationToken cancellationToken)
    {
        var result = await sender.Send(new ChangePassword(Password.CurrentPassword, Password.NewPassword), cancellationToken);
        if (result.IsFailure)
        {
            ModelState.AddErrors(result, nameof(Password));
            return await OnGetAsync(cancellationToken);
        }

        // The command ended every other session; this one gets the new security stamp, or it would end at the next check.
        await sessions.RefreshAsync(currentUser.UserId!.Value);
        Notice = "Your password is changed; your other sessions are signed out.";
        return RedirectToPage();
    }

    public async Task<IActionResult> OnPostChangeEmailAsync(CancellationToken cancellationToken)
    {
        var result = await sender.Send(new RequestEmailChange(EmailChange.NewEmail, EmailChange.CurrentPassword), cancellationToken);
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
