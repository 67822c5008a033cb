using Marketplace.Identity.Application.Accounts.PasswordReset;
using Mediator;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Marketplace.Identity.Web.Pages.Account;

public sealed class ResetPasswordModel(ISender sender) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public Guid UserId { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? Token { get; set; }

    [BindProperty]
    public PasswordInput Input { get; set; } = new();

    public bool Done { get; private set; }

    public void OnGet()
    {
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        var result = await sender.Send(new ResetPassword(UserId, Token, Input.Password), cancellationToken);
        if (result.IsFailure)
        {
            ModelState.AddErrors(result);
            return Page();
        }

        Done = true;
        return Page();
    }

    public sealed class PasswordInput
    {
        public string? Password { get; set; }
    }
}
