using Marketplace.Jobs.Application.SavedSearches.Unsubscribe;
using Mediator;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Marketplace.Jobs.Web.Pages.Jobs.Alerts;

/// <summary>
/// The unsubscribe link of alert mail, working without signing in. Opening it (GET) only asks to confirm, since mail
/// scanners open links; the button, and a mail client's one-click POST of RFC 8058 ("List-Unsubscribe=One-Click" to the
/// same address), stop the alerts. The signed token is the proof, so the POST carries no antiforgery token: there is no
/// session to ride on, and without the token it does nothing.
/// </summary>
[AllowAnonymous]
[IgnoreAntiforgeryToken]
public sealed class UnsubscribeModel(ISender sender) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public string? Token { get; set; }

    public UnsubscribeDto? Affected { get; private set; }

    public bool Done { get; private set; }

    public string? Problem { get; private set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        var check = await sender.Send(new CheckUnsubscribeLink(Token), cancellationToken);
        if (check.IsFailure)
        {
            Problem = check.FirstError.Message;
            Response.StatusCode = StatusCodes.Status400BadRequest;
            return Page();
        }

        Affected = check.Value;
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        var done = await sender.Send(new UnsubscribeFromAlerts(Token), cancellationToken);
        if (done.IsFailure)
        {
            Problem = done.FirstError.Message;
            Response.StatusCode = StatusCodes.Status400BadRequest;
            return Page();
        }

        Affected = done.Value;
        Done = true;
        return Page();
    }
}
