using Marketplace.Jobs.Application.FrontPage;
using Mediator;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Marketplace.Web.Pages;

/// <summary>The front door: a search box, the newest postings, the skills most asked for lately, and a way in for each persona.</summary>
public sealed class IndexModel(ISender sender, TimeProvider clock) : PageModel
{
    public FrontPageDto? Front { get; private set; }

    public DateTimeOffset Now { get; } = clock.GetUtcNow();

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        var front = await sender.Send(new GetFrontPage(), cancellationToken);
        Front = front.IsSuccess ? front.Value : null;
    }
}
