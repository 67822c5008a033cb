using Marketplace.BuildingBlocks.Domain;
using Marketplace.BuildingBlocks.Web.Markdown;
using Marketplace.Jobs.Application.Companies.Get;
using Marketplace.Jobs.Application.Postings;
using Mediator;
using Microsoft.AspNetCore.Html;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.ModelBinding;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Marketplace.Jobs.Web.Pages.Employer.Postings;

/// <summary>What the New and Edit pages share: how a submitted form is sent, and how its outcome is shown.</summary>
internal static class PostingFormPage
{
    /// <summary>
    /// Sends the command the form became. On failure the form shows what was sent, each message next to its field (a 404 or
    /// 403 is answered as such: <paramref name="answer"/>).
    /// </summary>
    public static async Task<Result<PostingDto>> SendAsync(
        ISender sender, PostingForm form, ModelStateDictionary modelState, ICommand<Result<PostingDto>> command, CancellationToken cancellationToken)
    {
        var result = await sender.Send(command, cancellationToken);
        if (result.IsFailure && result.FirstError.Kind is not (ErrorKind.NotFound or ErrorKind.Forbidden))
        {
            // The posted values were for the rows before the empty ones were dropped: show the model, not them.
            modelState.Clear();
            foreach (var error in result.Errors)
            {
                modelState.AddModelError(error.Field is null || error.Kind != ErrorKind.Validation ? string.Empty : $"Input.{PostingForm.FieldOf(error.Field)}", error.Message);
            }

            form.Pad();
        }

        return result;
    }

    /// <summary>The answer for a failure the form cannot show: the posting is not there, or not theirs (answered alike).</summary>
    public static IActionResult? Refusal(Result result) => result.FirstError.Kind switch
    {
        ErrorKind.NotFound => new NotFoundResult(),
        ErrorKind.Forbidden => new NotFoundResult(),
        _ => null,
    };

    /// <summary>The name of the company the employer writes for, or null when they have none (and so name it themselves).</summary>
    public static async Task<string?> CompanyNameAsync(ISender sender, CancellationToken cancellationToken)
    {
        var company = await sender.Send(new GetMyCompany(), cancellationToken);
        return company.IsSuccess ? company.Value.Name : null;
    }

    public static IHtmlContent Preview(string? markdown) => SafeMarkdown.Render(markdown);

    /// <summary>Empty rows to fill in, after the ones already there, without validating anything.</summary>
    public static void AddRows(PageModel page, PostingForm form)
    {
        page.ModelState.Clear();
        form.Compact();
        form.Pad(PostingForm.MoreRows);
    }
}
