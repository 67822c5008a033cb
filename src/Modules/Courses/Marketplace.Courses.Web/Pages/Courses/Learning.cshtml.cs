using Marketplace.Courses.Application.Enrolments.Mine;
using Marketplace.Courses.Application.Enrolments.Sharing;
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

    public bool SharesWithEmployers { get; private set; }

    [TempData]
    public string? Notice { get; set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        var mine = await sender.Send(new ListMyLearning(), cancellationToken);
        if (mine.IsFailure)
        {
            return Forbid();
        }

        (Courses, SharesWithEmployers) = (mine.Value.Courses, mine.Value.SharesWithEmployers);
        return Page();
    }

    public async Task<IActionResult> OnPostShareAsync(bool withEmployers, CancellationToken cancellationToken)
    {
        var shared = await sender.Send(new ShareLearning(withEmployers), cancellationToken);
        if (shared.IsFailure)
        {
            return Forbid();
        }

        Notice = withEmployers
            ? "Companies you apply to now see the courses you take for their postings' skills, with how far you are."
            : "Companies no longer see your courses.";
        return RedirectToPage();
    }
}
