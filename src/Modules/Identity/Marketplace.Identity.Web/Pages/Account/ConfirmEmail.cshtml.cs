using Marketplace.Identity.Application.Accounts.EmailConfirmation;
using Mediator;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Marketplace.Identity.Web.Pages.Account;

/// <summary>The link in the mail opens this page; only its button (a POST) confirms, so a scanner that follows links confirms nothing.</summary>
public sealed class ConfirmEmailModel(ISender sender) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public Guid UserId { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? Token { get; set; }

    /// <summary>Asked only when the address is the configured first admin's.</summary>
    [BindProperty]
    public string? Password { get; set; }

    public bool AsksForPassword { get; private set; }

    public bool Confirmed { get; private set; }

    public string? Message { get; private set; }

    public async Task OnGetAsync(CancellationToken cancellationToken) =>
        AsksForPassword = (await sender.Send(new ConfirmationAsksForPassword(UserId), cancellationToken)).Value;

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        var result = await sender.Send(new ConfirmEmail(UserId, Token, Password), cancellationToken);
        Password = null;
        Confirmed = result.IsSuccess;
        if (result.IsFailure)
        {
            if (result.FirstError.Field == nameof(ConfirmEmail.Password))
            {
                ModelState.AddErrors(result, prefix: "");
                AsksForPassword = true;
                return Page();
            }

            Message = result.FirstError.Message;
            Response.StatusCode = StatusCodes.Status400BadRequest;
        }

        return Page();
    }
}
