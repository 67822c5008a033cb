using Marketplace.BuildingBlocks.Domain;
using Marketplace.Courses.Application.Imports.Preview;
using Marketplace.Courses.Application.Imports.Start;
using Marketplace.Identity.Contracts;
using Mediator;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Marketplace.Courses.Web.Pages.Admin.Courses;

/// <summary>
/// An uploaded file's preview: its columns mapped to the catalog's fields, what that mapping would reject (by line) and
/// which skill mentions no one knows; then the import's progress while the background job runs, and what it did.
/// </summary>
[Authorize(Policy = AuthorizationPolicies.Admin)]
public sealed class ImportPreviewModel(ISender sender) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public Guid Id { get; set; }

    [BindProperty]
    public Dictionary<string, string?> Columns { get; set; } = [];

    public ImportPreviewDto Preview { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken) => await LoadAsync(cancellationToken) ?? Page();

    public async Task<IActionResult> OnPostMapAsync(CancellationToken cancellationToken)
    {
        var mapped = await sender.Send(new MapImportColumns(Id, Chosen()), cancellationToken);
        return await AfterAsync(mapped, cancellationToken);
    }

    public async Task<IActionResult> OnPostStartAsync(CancellationToken cancellationToken)
    {
        var started = await sender.Send(new StartCourseImport(Id, Chosen()), cancellationToken);
        return await AfterAsync(started, cancellationToken);
    }

    private async Task<IActionResult> AfterAsync(Result result, CancellationToken cancellationToken)
    {
        if (result.IsFailure)
        {
            if (result.FirstError.Kind == ErrorKind.NotFound)
            {
                return NotFound();
            }

            ModelState.AddErrors(result, _ => null);
            return await LoadAsync(cancellationToken) ?? Page();
        }

        return Redirect($"/Admin/Courses/Import/{Id}");
    }

    private Dictionary<string, string?> Chosen() => Columns;

    private async Task<IActionResult?> LoadAsync(CancellationToken cancellationToken)
    {
        var preview = await sender.Send(new GetImportPreview(Id), cancellationToken);
        if (preview.IsFailure)
        {
            return NotFound();
        }

        Preview = preview.Value;
        return null;
    }
}
