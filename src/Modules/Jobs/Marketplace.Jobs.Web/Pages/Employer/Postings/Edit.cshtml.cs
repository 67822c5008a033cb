using Marketplace.Identity.Contracts;
using Marketplace.Jobs.Application.Postings;
using Marketplace.Jobs.Application.Postings.Get;
using Mediator;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Html;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Marketplace.Jobs.Web.Pages.Employer.Postings;

/// <summary>A member of the posting's company edits it at the version they loaded; a draft can be published from here.</summary>
[Authorize(Policy = AuthorizationPolicies.Employer)]
public sealed class EditModel(ISender sender) : PageModel
{
    [BindProperty]
    public PostingForm Input { get; set; } = new();

    public PostingDto Posting { get; private set; } = null!;

    public string? CompanyName { get; private set; }

    public IHtmlContent? Preview { get; private set; }

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken cancellationToken)
    {
        if (await LoadAsync(id, cancellationToken) is { } refusal)
        {
            return refusal;
        }

        Input = PostingForm.From(Posting);
        Input.Pad();
        return Page();
    }

    public Task<IActionResult> OnPostSaveAsync(Guid id, CancellationToken cancellationToken) => SubmitAsync(id, publish: false, cancellationToken);

    public Task<IActionResult> OnPostPublishAsync(Guid id, CancellationToken cancellationToken) => SubmitAsync(id, publish: true, cancellationToken);

    public async Task<IActionResult> OnPostMoreRowsAsync(Guid id, CancellationToken cancellationToken)
    {
        if (await LoadAsync(id, cancellationToken) is { } refusal)
        {
            return refusal;
        }

        PostingFormPage.AddRows(this, Input);
        return Page();
    }

    public async Task<IActionResult> OnPostPreviewAsync(Guid id, CancellationToken cancellationToken)
    {
        if (await LoadAsync(id, cancellationToken) is { } refusal)
        {
            return refusal;
        }

        PostingFormPage.AddRows(this, Input);
        Preview = PostingFormPage.Preview(Input.Description);
        return Page();
    }

    private async Task<IActionResult> SubmitAsync(Guid id, bool publish, CancellationToken cancellationToken)
    {
        Input.Compact();
        var edited = await PostingFormPage.SendAsync(sender, Input, ModelState, Input.ToEdit(id, publish), cancellationToken);
        if (edited.IsFailure)
        {
            if (PostingFormPage.Refusal(edited) is { } refusal)
            {
                return refusal;
            }

            return await LoadAsync(id, cancellationToken) ?? Page();
        }

        TempData["PostingNotice"] = publish ? $"\"{edited.Value.Title}\" is saved and published for 30 days." : $"\"{edited.Value.Title}\" is saved.";
        return RedirectToPage("Index");
    }

    /// <summary>The posting as stored, for the page's heading and status; only its company's members (and admins) get here.</summary>
    private async Task<IActionResult?> LoadAsync(Guid id, CancellationToken cancellationToken)
    {
        var page = await sender.Send(new GetPostingPage(id), cancellationToken);
        if (page.IsFailure)
        {
            return PostingFormPage.Refusal(page) ?? NotFound();
        }

        if (!page.Value.CanManage)
        {
            return NotFound();
        }

        Posting = page.Value.Posting;
        CompanyName = Posting.CompanyId is null ? null : Posting.Company;
        return null;
    }
}
