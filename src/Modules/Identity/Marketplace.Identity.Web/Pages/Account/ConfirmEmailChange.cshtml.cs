using Marketplace.BuildingBlocks.Application;
using Marketplace.Identity.Application.Accounts;
using Marketplace.Identity.Application.Accounts.EmailChange;
using Marketplace.Identity.Application.Accounts.EmailConfirmation;
using Mediator;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Marketplace.Identity.Web.Pages.Account;

/// <summary>The email-change link opens this page; only its button (a POST) changes the address.</summary>
public sealed class ConfirmEmailChangeModel(ISender sender, IAccountSessions sessions, ICurrentUser currentUser) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public Guid UserId { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? Email { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? Token { get; set; }

    /// <summary>Asked only when the new address is the configured first admin's.</summary>
    [BindProperty]
    public string? Password { get; set; }

    public bool AsksForPassword { get; private set; }

    public bool Changed { get; private set; }

    public string? Message { get; private set; }

    public async Task OnGetAsync(CancellationToken cancellationToken) =>
        AsksForPassword = Email is not null && (await sender.Send(new ConfirmationAsksForPassword(UserId, Email), cancellationToken)).Value;

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        var result = await sender.Send(new ConfirmEmailChange(UserId, Email, Token, Password), cancellationToken);
        Password = null;
        if (result.IsFailure)
        {
            if (result.FirstError.Field == nameof(ConfirmEmailChange.Password))
            {
                ModelState.AddErrors(result, prefix: "");
                AsksForPassword = true;
                return Page();
            }

            Message = result.FirstError.Message;
            Response.StatusCode = StatusCodes.Status400BadRequest;
            return Page();
        }

        // The user's other sessions ended with the change; their own session here carries the new address from now on.
        if (currentUser.UserId == UserId)
        {
            await sessions.RefreshAsync(UserId);
        }

        Changed = true;
        return Page();
    }
}
