using Marketplace.BuildingBlocks.Domain;
using Marketplace.Identity.Contracts;
using Marketplace.Matching.Application.Candidates;
using Marketplace.Matching.Application.Candidates.Contact;
using Marketplace.Matching.Application.Candidates.List;
using Marketplace.Matching.Application.Candidates.Ranking;
using Mediator;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Marketplace.Matching.Web.Pages.Employer.Candidates;

/// <summary>
/// A posting's ranked candidates for its company. The ranking form is a GET (the URL says the ranking, and the page works without
/// script; candidates.js re-ranks as the weights change); saving the ranking and asking a candidate to get in touch are posts.
/// </summary>
[Authorize(Policy = AuthorizationPolicies.Employer)]
public sealed class IndexModel(ISender sender) : PageModel
{
    public const int PageSize = 10;

    public CandidatesDto Candidates { get; private set; } = null!;

    /// <summary>The weights as the form sends them (w[skill]=1..10); sent at all means the employer adjusts the ranking.</summary>
    [BindProperty(SupportsGet = true, Name = "w")]
    public Dictionary<string, int>? Weights { get; set; }

    /// <summary>The required skills checked as dealbreakers (db=skill, repeated).</summary>
    [BindProperty(SupportsGet = true, Name = "db")]
    public List<string>? Dealbreakers { get; set; }

    [BindProperty(SupportsGet = true, Name = "pageNumber")]
    public int PageNumber { get; set; } = 1;

    [BindProperty]
    public string? CandidateKey { get; set; }

    [BindProperty]
    public string? Message { get; set; }

    [TempData]
    public string? Notice { get; set; }

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken cancellationToken) => await ShowAsync(id, cancellationToken);

    public async Task<IActionResult> OnPostSaveAsync(Guid id, CancellationToken cancellationToken)
    {
        var saved = await sender.Send(new SaveCandidateRanking(id, Weights ?? [], Dealbreakers ?? []), cancellationToken);
        return await AfterAsync(id, saved, "These weights are saved: the list opens ranked by them for everyone at your company.", keepRanking: false, cancellationToken);
    }

    public async Task<IActionResult> OnPostResetAsync(Guid id, CancellationToken cancellationToken)
    {
        var reset = await sender.Send(new SaveCandidateRanking(id, null, null), cancellationToken);
        return await AfterAsync(id, reset, "The list is ranked by the posting's own weights again.", keepRanking: false, cancellationToken);
    }

    public async Task<IActionResult> OnPostContactAsync(Guid id, CancellationToken cancellationToken)
    {
        var sent = await sender.Send(new RequestCandidateContact(id, CandidateKey, Message), cancellationToken);
        return await AfterAsync(id, sent, sent.IsSuccess ? $"We asked {sent.Value} to get in touch; you will see their name here once they accept." : null,
            keepRanking: true, cancellationToken);
    }

    private async Task<IActionResult> AfterAsync(Guid id, Result result, string? notice, bool keepRanking, CancellationToken cancellationToken)
    {
        if (result.IsSuccess)
        {
            Notice = notice;
            return keepRanking && Weights is { Count: > 0 }
                ? Redirect($"/Employer/Postings/{id}/Candidates{CandidatesView.Query(Weights, Dealbreakers, PageNumber)}")
                : RedirectToPage(new { id });
        }

        if (result.FirstError.Kind == ErrorKind.NotFound)
        {
            return NotFound();
        }

        foreach (var error in result.Errors)
        {
            ModelState.AddModelError(error.Field ?? string.Empty, error.Message);
        }

        return await ShowAsync(id, cancellationToken, keepErrors: true);
    }

    private async Task<IActionResult> ShowAsync(Guid id, CancellationToken cancellationToken, bool keepErrors = false)
    {
        var adjusted = Weights is { Count: > 0 } && ModelState.IsValid;
        if (!ModelState.IsValid && !keepErrors)
        {
            ModelState.AddModelError("Weights", "Weights are whole numbers from 1 to 10.");
        }

        var page = Math.Clamp(PageNumber, 1, 1_000);
        var list = await sender.Send(new ListCandidates(id, adjusted ? Weights : null, adjusted ? Dealbreakers ?? [] : null, page, PageSize), cancellationToken);
        if (list.IsFailure && list.FirstError.Kind == ErrorKind.Validation)
        {
            foreach (var error in list.Errors)
            {
                ModelState.AddModelError(error.Field ?? string.Empty, error.Message);
            }

            list = await sender.Send(new ListCandidates(id, null, null, page, PageSize), cancellationToken);
        }

        if (list.IsFailure)
        {
            return NotFound();
        }

        Candidates = list.Value;
        return Page();
    }
}

/// <summary>The ranking as a query string, for links that keep it (pages, redirects).</summary>
public static class CandidatesView
{
    public static string Query(IReadOnlyDictionary<string, int>? weights, IReadOnlyList<string>? dealbreakers, int page)
    {
        var parts = new List<string>();
        foreach (var (skill, weight) in weights ?? new Dictionary<string, int>())
        {
            parts.Add($"w%5B{Uri.EscapeDataString(skill)}%5D={weight}");
        }

        parts.AddRange((dealbreakers ?? []).Select(d => $"db={Uri.EscapeDataString(d)}"));
        if (page > 1)
        {
            parts.Add($"pageNumber={page}");
        }

        return parts.Count == 0 ? "" : "?" + string.Join("&", parts);
    }

    public static string Query(CandidatesDto list, int page) => list.RankedBy == RankingChoice.Adjusted
        ? Query(list.Skills.ToDictionary(s => s.SkillId, s => s.Weight), [.. list.Skills.Where(s => s.Dealbreaker).Select(s => s.SkillId)], page)
        : Query(null, null, page);
}
