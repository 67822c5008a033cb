using Marketplace.BuildingBlocks.Domain;
using Marketplace.Identity.Contracts;
using Marketplace.Jobs.Application.Applications.Move;
using Marketplace.Jobs.Application.Applications.Pipeline;
using Mediator;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Marketplace.Jobs.Web.Pages.Employer.Applicants;

/// <summary>A posting's pipeline for its company: the applicants by stage, and moving one or many of them at once.</summary>
[Authorize(Policy = AuthorizationPolicies.Employer)]
public sealed class IndexModel(ISender sender) : PageModel
{
    public PipelineDto Pipeline { get; private set; } = null!;

    [BindProperty(SupportsGet = true)]
    public string? Stage { get; set; }

    /// <summary>Match (the default: best first) or Date (the order they applied).</summary>
    [BindProperty(SupportsGet = true)]
    public string? Sort { get; set; }

    [BindProperty(SupportsGet = true, Name = "pageNumber")]
    public int PageNumber { get; set; } = 1;

    [BindProperty]
    public StageMoveForm Move { get; set; } = new();

    [TempData]
    public string? Notice { get; set; }

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken cancellationToken) => await ShowAsync(id, cancellationToken);

    public async Task<IActionResult> OnPostMoveAsync(Guid id, CancellationToken cancellationToken)
    {
        var moved = await sender.Send(new MoveApplications(id, Move.Applications(), Move.Stage, Move.Reason), cancellationToken);
        if (moved.IsSuccess)
        {
            Notice = StageMoveForm.Describe(moved.Value, Move.Stage!);
            return RedirectToPage(new { id, stage = Stage, sort = Sort });
        }

        if (moved.FirstError.Kind == ErrorKind.NotFound)
        {
            return NotFound();
        }

        foreach (var error in moved.Errors)
        {
            ModelState.AddModelError(error.Field is null ? string.Empty : $"Move.{error.Field}", error.Message);
        }

        return await ShowAsync(id, cancellationToken);
    }

    private async Task<IActionResult> ShowAsync(Guid id, CancellationToken cancellationToken)
    {
        var pipeline = await sender.Send(new ListApplicants(id, Stage, PageNumber < 1 ? 1 : PageNumber, Sort: Sort), cancellationToken);
        if (pipeline.IsFailure)
        {
            return pipeline.FirstError.Kind == ErrorKind.Validation ? BadRequest() : NotFound();
        }

        Pipeline = pipeline.Value;
        return Page();
    }
}
