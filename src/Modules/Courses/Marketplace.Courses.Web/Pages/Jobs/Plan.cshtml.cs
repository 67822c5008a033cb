using Marketplace.BuildingBlocks.Domain;
using Marketplace.Courses.Application.Plans;
using Marketplace.Identity.Contracts;
using Mediator;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Marketplace.Courses.Web.Pages.Jobs;

/// <summary>The courses that close one posting's gaps for the signed-in seeker, in order, with the score each one brings.</summary>
[Authorize(Policy = AuthorizationPolicies.JobSeeker)]
public sealed class PlanModel(ISender sender) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public Guid Id { get; set; }

    public GapPlanDto Plan { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        var plan = await sender.Send(new PlanCoursesForPosting(Id), cancellationToken);
        if (plan.IsFailure)
        {
            return plan.FirstError.Kind == ErrorKind.Forbidden ? Forbid() : NotFound();
        }

        Plan = plan.Value;
        return Page();
    }

    public static string Score(double score) => score.ToString("0.#", System.Globalization.CultureInfo.InvariantCulture);
}
