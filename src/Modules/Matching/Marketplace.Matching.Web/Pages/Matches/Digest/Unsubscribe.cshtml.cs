using Marketplace.Matching.Application.Digests;
using Mediator;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Marketplace.Matching.Web.Pages.Matches.Digest;

/// <summary>
/// The digest's unsubscribe link, as the job alerts' one (/Jobs/Alerts/Unsubscribe): opening it only asks to confirm, since mail
/// scanners open links; the button, and a mail client's one-click POST of RFC 8058, stop the digest. The signed token is the
/// proof, so the POST carries no antiforgery token: there is no session to ride on, and without the token it does nothing.
/// </summary>
[AllowAnonymous]
[IgnoreAntiforgeryToken]
public sealed class UnsubscribeModel(ISender sender) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public string? Token { get; set; }

    public bool Done { get; private set; }

    public string? Problem { get; private set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken) =>
        Answer(await sender.Send(new CheckDigestUnsubscribeLink(Token), cancellationToken), done: false);

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken) =>
        Answer(await sender.Send(new UnsubscribeFromDigest(Token), cancellationToken), done: true);

    private PageResult Answer(Marketplace.BuildingBlocks.Domain.Result result, bool done)
    {
        if (result.IsFailure)
        {
            Problem = result.FirstError.Message;
            Response.StatusCode = StatusCodes.Status400BadRequest;
        }
        else
        {
            Done = done;
        }

        return Page();
    }
}
