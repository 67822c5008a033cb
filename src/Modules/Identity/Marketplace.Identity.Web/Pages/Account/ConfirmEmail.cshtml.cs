using Marketplace.Identity.Application.Accounts;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Marketplace.Identity.Web.Pages.Account;

public sealed class ConfirmEmailModel(IAccounts accounts) : PageModel
{
    public bool Confirmed { get; private set; }

    public string? Message { get; private set; }

    public async Task OnGetAsync(Guid userId, string? token)
    {
        var result = await accounts.ConfirmEmailAsync(userId, token);
        Confirmed = result.IsSuccess;
        Message = result.IsFailure ? result.FirstError.Message : null;
        if (result.IsFailure)
        {
            Response.StatusCode = StatusCodes.Status400BadRequest;
        }
    }
}
