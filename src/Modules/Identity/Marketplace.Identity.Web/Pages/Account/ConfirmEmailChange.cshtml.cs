using Marketplace.Identity.Application.Accounts;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Marketplace.Identity.Web.Pages.Account;

public sealed class ConfirmEmailChangeModel(IAccounts accounts) : PageModel
{
    public bool Changed { get; private set; }

    public string? Message { get; private set; }

    public async Task OnGetAsync(Guid userId, string? email, string? token)
    {
        var result = await accounts.ConfirmEmailChangeAsync(userId, email, token);
        Changed = result.IsSuccess;
        if (result.IsFailure)
        {
            Message = result.FirstError.Message;
            Response.StatusCode = StatusCodes.Status400BadRequest;
        }
    }
}
