using System.Globalization;
using Marketplace.BuildingBlocks.Domain;
using Marketplace.Courses.Application.Catalog;
using Marketplace.Courses.Application.Catalog.Get;
using Marketplace.Courses.Application.Catalog.Save;
using Marketplace.Identity.Contracts;
using Mediator;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Marketplace.Courses.Web.Pages.Admin.Courses;

/// <summary>An admin adds a course or edits one: duration as people write it, skills as one list with levels.</summary>
[Authorize(Policy = AuthorizationPolicies.Admin)]
public sealed class EditModel(ISender sender) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public Guid? Id { get; set; }

    [BindProperty]
    public int Version { get; set; }

    [BindProperty]
    public CourseForm Input { get; set; } = new();

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        if (Id is not { } id)
        {
            return Page();
        }

        var course = await sender.Send(new GetCourse(id), cancellationToken);
        if (course.IsFailure)
        {
            return NotFound();
        }

        var c = course.Value.Course;
        Version = c.Version;
        Input = new CourseForm
        {
            Title = c.Title,
            Provider = c.Provider,
            ProviderCourseId = c.ProviderCourseId,
            Link = c.Link,
            Format = c.Format,
            Level = c.Level,
            Duration = c.Hours.ToString("0.#", CultureInfo.InvariantCulture) + " hours",
            Price = c.Price.ToString("0.##", CultureInfo.InvariantCulture),
            Currency = c.Currency,
            Language = c.Language,
            Summary = c.Summary,
            Skills = string.Join(", ", c.Teaches.Select(t => $"{t.Name}:{t.UpToLevel}")),
        };
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        var result = await sender.Send(
            new SaveCourse(Id, Version, new CourseInput(
                Input.Title, Input.Provider, Input.ProviderCourseId, Input.Link, Input.Format, Input.Level, Input.Duration, Input.Price,
                Input.Currency, Input.Language, Input.Summary, Input.Skills)),
            cancellationToken);
        if (result.IsFailure)
        {
            if (result.FirstError.Kind == ErrorKind.NotFound)
            {
                return NotFound();
            }

            ModelState.AddErrors(result, field => field switch
            {
                "Teaches" => "Input.Skills",
                "Hours" => "Input.Duration",
                _ => $"Input.{field}",
            });
            return Page();
        }

        TempData["Notice"] = Id is null ? "Course added." : "Course saved.";
        return Redirect($"/Courses/{result.Value}");
    }
}

public sealed class CourseForm
{
    public string? Title { get; set; }

    public string? Provider { get; set; }

    public string? ProviderCourseId { get; set; }

    public string? Link { get; set; }

    public string? Format { get; set; } = "SelfPaced";

    public string? Level { get; set; } = "Beginner";

    public string? Duration { get; set; }

    public string? Price { get; set; }

    public string? Currency { get; set; } = "USD";

    public string? Language { get; set; } = "en";

    public string? Summary { get; set; }

    public string? Skills { get; set; }
}
