using Marketplace.BuildingBlocks.Domain;
using Marketplace.Courses.Application.Enrolments.Enrol;
using Marketplace.Courses.Application.Enrolments.Progress;
using Marketplace.Identity.Contracts;
using Mediator;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Marketplace.Courses.Web.Pages.Courses;

/// <summary>
/// A seeker's own enrolment in a course: enrol, record progress, complete (the skills then reach their profile), leave.
/// Each answers with the course's page, saying what happened or what was wrong.
/// </summary>
[Authorize(Policy = AuthorizationPolicies.JobSeeker)]
public sealed class EnrolmentModel(ISender sender) : PageModel
{
    private const string CompletedNotice = "Completed. Its skills are being added to your profile, marked as from this course; you can undo that on your profile.";

    [BindProperty(SupportsGet = true)]
    public Guid Id { get; set; }

    [BindProperty]
    public int Progress { get; set; }

    [TempData]
    public string? Notice { get; set; }

    [TempData]
    public string? Problem { get; set; }

    public IActionResult OnGet() => Redirect($"/Courses/{Id}");

    public Task<IActionResult> OnPostEnrolAsync(CancellationToken cancellationToken) =>
        ChangeAsync(new EnrolInCourse(Id), "You are enrolled. Record your progress here as you go.", cancellationToken);

    public Task<IActionResult> OnPostProgressAsync(CancellationToken cancellationToken) =>
        ModelState.IsValid
            ? ChangeAsync(new RecordCourseProgress(Id, Progress), Progress == 100 ? CompletedNotice : $"Progress saved: {Progress} %.", cancellationToken)
            : Task.FromResult<IActionResult>(Back(problem: "Progress is a percentage from 0 to 100."));

    public Task<IActionResult> OnPostCompleteAsync(CancellationToken cancellationToken) =>
        ChangeAsync(new CompleteCourse(Id), CompletedNotice, cancellationToken);

    public Task<IActionResult> OnPostLeaveAsync(CancellationToken cancellationToken) =>
        ChangeAsync(new LeaveCourse(Id), "You left the course. Enrol again to pick it up where you were.", cancellationToken);

    private async Task<IActionResult> ChangeAsync(ICommand<Result> command, string notice, CancellationToken cancellationToken)
    {
        var result = await sender.Send(command, cancellationToken);
        if (result.IsSuccess)
        {
            return Back(notice: notice);
        }

        return result.FirstError.Kind switch
        {
            ErrorKind.NotFound => NotFound(),
            ErrorKind.Forbidden => Forbid(),
            _ => Back(problem: result.FirstError.Message),
        };
    }

    private RedirectResult Back(string? notice = null, string? problem = null)
    {
        Notice = notice;
        Problem = problem;
        return Redirect($"/Courses/{Id}");
    }
}
