using Marketplace.Courses.Application.Catalog.Get;
using Mediator;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Marketplace.Courses.Web.Pages.Courses;

/// <summary>A course, for anyone; a seeker's enrolment forms post to <see cref="EnrolmentModel"/>.</summary>
public sealed class DetailsModel(ISender sender) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public Guid Id { get; set; }

    public CoursePageDto Course { get; private set; } = null!;

    [TempData]
    public string? Notice { get; set; }

    [TempData]
    public string? Problem { get; set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        var course = await sender.Send(new GetCourse(Id), cancellationToken);
        if (course.IsFailure)
        {
            return NotFound();
        }

        Course = course.Value;
        return Page();
    }
}
