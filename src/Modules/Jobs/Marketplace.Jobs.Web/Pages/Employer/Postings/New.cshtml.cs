using Marketplace.Identity.Contracts;
using Mediator;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Html;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Marketplace.Jobs.Web.Pages.Employer.Postings;

/// <summary>An employer writes a posting: saved as a draft, or published at once.</summary>
[Authorize(Policy = AuthorizationPolicies.Employer)]
public sealed class NewModel(ISender sender) : PageModel
{
    [BindProperty]
    public PostingForm Input { get; set; } = new();

    public string? CompanyName { get; private set; }

    public IHtmlContent? Preview { get; private set; }

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        CompanyName = await PostingFormPage.CompanyNameAsync(sender, cancellationToken);
        Input.Pad();
    }

    public Task<IActionResult> OnPostSaveAsync(CancellationToken cancellationToken) => SubmitAsync(publish: false, cancellationToken);

    public Task<IActionResult> OnPostPublishAsync(CancellationToken cancellationToken) => SubmitAsync(publish: true, cancellationToken);

    public async Task<IActionResult> OnPostMoreRowsAsync(CancellationToken cancellationToken)
    {
        CompanyName = await PostingFormPage.CompanyNameAsync(sender, cancellationToken);
        PostingFormPage.AddRows(this, Input);
        return Page();
    }

    public async Task<IActionResult> OnPostPreviewAsync(CancellationToken cancellationToken)
    {
        CompanyName = await PostingFormPage.CompanyNameAsync(sender, cancellationToken);
        PostingFormPage.AddRows(this, Input);
        Preview = PostingFormPage.Preview(Input.Description);
        return Page();
    }

    private async Task<IActionResult> SubmitAsync(bool publish, CancellationToken cancellationToken)
    {
        Input.Compact();
        var created = await PostingFormPage.SendAsync(sender, Input, ModelState, Input.ToCreate(publish), cancellationToken);
        if (created.IsFailure)
        {
            if (PostingFormPage.Refusal(created) is { } refusal)
            {
                return refusal;
            }

            CompanyName = await PostingFormPage.CompanyNameAsync(sender, cancellationToken);
            return Page();
        }

        TempData["PostingNotice"] = publish ? $"\"{created.Value.Title}\" is published for 30 days." : $"\"{created.Value.Title}\" is saved as a draft.";
        return RedirectToPage("Index");
    }
}
