using Marketplace.Courses.Application.Enrolments.Mine;
using Marketplace.Identity.Contracts;
using Mediator;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Marketplace.Courses.Web.Pages.Courses;

/// <summary>The seeker's courses: in progress with how far, completed, left.</summary>
[Authorize(Policy = AuthorizationPolicies.JobSeeker)]
public sealed class LearningModel(ISender sender) : PageModel
{
    public IReadOnlyList<LearningDto> Courses { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        var mine = await sender.Send(new ListMyLearning(), cancellationToken);
        if (mine.IsFailure)
        {
            return Forbid();
        }

        Courses = mine.Value;
        return Page();
    }
}
