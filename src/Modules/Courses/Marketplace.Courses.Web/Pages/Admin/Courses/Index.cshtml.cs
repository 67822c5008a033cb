using Marketplace.Courses.Application.Catalog;
using Marketplace.Courses.Application.Catalog.Listing;
using Marketplace.Courses.Application.Catalog.Search;
using Marketplace.Identity.Contracts;
using Mediator;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Marketplace.Courses.Web.Pages.Admin.Courses;

/// <summary>The catalog as admins keep it: every course, listed or not, with search, and the way to add, edit or import.</summary>
[Authorize(Policy = AuthorizationPolicies.Admin)]
public sealed class IndexModel(ISender sender) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public string? Q { get; set; }

    [BindProperty(SupportsGet = true, Name = "p")]
    public int PageNumber { get; set; } = 1;

    public CourseSearchResult? Result { get; private set; }

    [TempData]
    public string? Notice { get; set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        var result = await sender.Send(new SearchCourses(Text: Q, Sort: "title", IncludeUnlisted: true, Page: Math.Clamp(PageNumber, 1, 1000), PageSize: 50), cancellationToken);
        if (result.IsFailure)
        {
            ModelState.AddErrors(result, _ => null);
            return Page();
        }

        Result = result.Value;
        return Page();
    }

    public async Task<IActionResult> OnPostListAsync(Guid id, bool listed, CancellationToken cancellationToken)
    {
        var result = await sender.Send(new SetCourseListed(id, listed), cancellationToken);
        if (result.IsFailure)
        {
            return NotFound();
        }

        Notice = listed ? "The course is back in the catalog." : "The course is off the catalog; seekers no longer find it.";
        return RedirectToPage(new { q = Q, p = PageNumber });
    }
}
