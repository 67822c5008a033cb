using Marketplace.BuildingBlocks.Domain;
using Marketplace.Courses.Application.Imports;
using Marketplace.Courses.Application.Imports.List;
using Marketplace.Courses.Application.Imports.Upload;
using Marketplace.Courses.Application.Catalog;
using Marketplace.Identity.Contracts;
using Mediator;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Marketplace.Courses.Web.Pages.Admin.Courses;

/// <summary>An admin uploads a provider's CSV file; the preview that follows maps its columns before anything is imported.</summary>
[Authorize(Policy = AuthorizationPolicies.Admin)]
[RequestSizeLimit(CourseChoices.MaxUploadBytes + 64 * 1024)]
[RequestFormLimits(MultipartBodyLengthLimit = CourseChoices.MaxUploadBytes + 64 * 1024)]
public sealed class ImportModel(ISender sender) : PageModel
{
    [BindProperty]
    public string? Source { get; set; }

    [BindProperty]
    public IFormFile? Upload { get; set; }

    public IReadOnlyList<ImportSummary> Recent { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        await LoadAsync(cancellationToken);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        byte[] content = [];
        if (Upload is { Length: > 0 and <= CourseChoices.MaxUploadBytes })
        {
            using var buffer = new MemoryStream();
            await Upload.CopyToAsync(buffer, cancellationToken);
            content = buffer.ToArray();
        }
        else if (Upload is { Length: > CourseChoices.MaxUploadBytes })
        {
            content = new byte[CourseChoices.MaxUploadBytes + 1];
        }

        var uploaded = await sender.Send(new UploadCourseFile(Source, Upload?.FileName, content), cancellationToken);
        if (uploaded.IsFailure)
        {
            ModelState.AddErrors(uploaded, field => field is "Source" or "Upload" ? field : null);
            await LoadAsync(cancellationToken);
            return Page();
        }

        return Redirect($"/Admin/Courses/Import/{uploaded.Value}");
    }

    private async Task LoadAsync(CancellationToken cancellationToken)
    {
        if (await sender.Send(new ListCourseImports(), cancellationToken) is { IsSuccess: true } recent)
        {
            Recent = recent.Value;
        }
    }
}
