using Marketplace.Courses.Application.Recommendations.ForYou;
using Marketplace.Identity.Contracts;
using Mediator;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Marketplace.Courses.Web.Pages.Courses;

/// <summary>The skills most often missing across the seeker's best matches, by the points closing each would add, with courses for each.</summary>
[Authorize(Policy = AuthorizationPolicies.JobSeeker)]
public sealed class ForYouModel(ISender sender) : PageModel
{
    public RecommendationsDto Recommendations { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        var recommended = await sender.Send(new RecommendCoursesForMe(), cancellationToken);
        if (recommended.IsFailure)
        {
            return Forbid();
        }

        Recommendations = recommended.Value;
        return Page();
    }

    public static string Points(double points) => points.ToString("0.#", System.Globalization.CultureInfo.InvariantCulture);
}
