using Marketplace.BuildingBlocks.Domain;
using Marketplace.Identity.Contracts;
using Marketplace.Jobs.Application.Applications;
using Marketplace.Jobs.Application.Applications.Move;
using Marketplace.Jobs.Application.Applications.Notes;
using Marketplace.Jobs.Application.Applications.Pipeline;
using Marketplace.Jobs.Application.Applications.Templates;
using Mediator;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Marketplace.Jobs.Web.Pages.Employer.Applicants;

/// <summary>One applicant, for the posting's company: what they sent, their history, the company's private notes, and moving them.</summary>
[Authorize(Policy = AuthorizationPolicies.Employer)]
public sealed class DetailModel(ISender sender) : PageModel
{
    public ApplicantDto Applicant { get; private set; } = null!;

    public IReadOnlyList<RejectionReasonDto> Reasons { get; private set; } = [];

    /// <summary>The courses the applicant takes for this posting's skills, when they share them (the Courses module's part).</summary>
    public IReadOnlyList<Marketplace.Courses.Contracts.LearningInProgressView> Learning { get; private set; } = [];

    [BindProperty]
    public StageMoveForm Move { get; set; } = new();

    [BindProperty]
    public string? NoteText { get; set; }

    [TempData]
    public string? Notice { get; set; }

    public async Task<IActionResult> OnGetAsync(Guid id, Guid applicationId, CancellationToken cancellationToken) =>
        await ShowAsync(id, applicationId, cancellationToken);

    public async Task<IActionResult> OnPostMoveAsync(Guid id, Guid applicationId, CancellationToken cancellationToken)
    {
        var moved = await sender.Send(
            new MoveApplications(id, [new ApplicationToMove(applicationId, Move.Applications().FirstOrDefault()?.Version)], Move.Stage, Move.Reason),
            cancellationToken);
        if (moved.IsSuccess)
        {
            Notice = StageMoveForm.Describe(moved.Value, Move.Stage!);
            return RedirectToPage(new { id, applicationId });
        }

        return await FailAsync(moved, "Move.", id, applicationId, cancellationToken);
    }

    public async Task<IActionResult> OnPostNoteAsync(Guid id, Guid applicationId, CancellationToken cancellationToken)
    {
        var added = await sender.Send(new AddApplicantNote(id, applicationId, NoteText), cancellationToken);
        if (added.IsSuccess)
        {
            Notice = "Note added. Only your company sees it.";
            return RedirectToPage(new { id, applicationId });
        }

        return await FailAsync(added, "Note", id, applicationId, cancellationToken);
    }

    private async Task<IActionResult> FailAsync(Result failed, string prefix, Guid id, Guid applicationId, CancellationToken cancellationToken)
    {
        if (failed.FirstError.Kind == ErrorKind.NotFound)
        {
            return NotFound();
        }

        foreach (var error in failed.Errors)
        {
            ModelState.AddModelError(error.Field is null ? string.Empty : prefix + error.Field, error.Message);
        }

        return await ShowAsync(id, applicationId, cancellationToken);
    }

    private async Task<IActionResult> ShowAsync(Guid id, Guid applicationId, CancellationToken cancellationToken)
    {
        var applicant = await sender.Send(new GetApplicant(id, applicationId), cancellationToken);
        if (applicant.IsFailure)
        {
            return NotFound();
        }

        Applicant = applicant.Value;
        var reasons = await sender.Send(new GetRejectionReasons(), cancellationToken);
        Reasons = reasons.IsSuccess ? reasons.Value : ApplicationViews.DefaultReasons;
        var learning = await sender.Send(new GetApplicantLearning(id, applicationId), cancellationToken);
        Learning = learning.IsSuccess ? learning.Value : [];
        return Page();
    }
}
