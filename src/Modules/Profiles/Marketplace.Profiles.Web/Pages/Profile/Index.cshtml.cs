using Marketplace.Identity.Contracts;
using Marketplace.Profiles.Application.Profiles;
using Marketplace.Profiles.Application.Profiles.Get;
using Mediator;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Marketplace.Profiles.Web.Pages.Profile;

/// <summary>The seeker's profile as employers would see it, with the completeness meter and the next step.</summary>
[Authorize(Policy = AuthorizationPolicies.JobSeeker)]
public sealed class IndexModel(ISender sender) : PageModel
{
    public MyProfileDto Profile { get; private set; } = null!;

    [TempData]
    public string? Notice { get; set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        var profile = await sender.Send(new GetMyProfile(), cancellationToken);
        if (profile.IsFailure)
        {
            return Forbid();
        }

        Profile = profile.Value;
        return Page();
    }
}
