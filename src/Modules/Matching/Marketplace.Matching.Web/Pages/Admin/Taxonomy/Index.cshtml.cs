using System.Globalization;
using Marketplace.BuildingBlocks.Domain;
using Marketplace.Identity.Contracts;
using Marketplace.Matching.Application.Taxonomy;
using Marketplace.Skills.Taxonomy;
using Mediator;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Marketplace.Matching.Web.Pages.Admin.Taxonomy;

/// <summary>Admins keep the taxonomy: search it, add a skill, an alias, an implication or a relation, and merge two skills.</summary>
[Authorize(Policy = AuthorizationPolicies.Admin)]
public sealed class IndexModel(ISender sender) : PageModel
{
    [BindProperty(SupportsGet = true, Name = "q")]
    public string? Query { get; set; }

    [BindProperty]
    public string? SkillId { get; set; }

    [BindProperty]
    public string? Alias { get; set; }

    [BindProperty]
    public string? ImpliedId { get; set; }

    [BindProperty]
    public string? OtherId { get; set; }

    [BindProperty]
    public string? Similarity { get; set; }

    [BindProperty]
    public string? FromId { get; set; }

    [BindProperty]
    public string? IntoId { get; set; }

    [BindProperty]
    public string? Id { get; set; }

    [BindProperty]
    public string? Name { get; set; }

    [BindProperty]
    public string? Category { get; set; }

    [BindProperty]
    public string? Aliases { get; set; }

    public TaxonomySearchResult Found { get; private set; } = new([], 0, 0);

    public IReadOnlyList<OverlayChangeView> Changes { get; private set; } = [];

    public FormErrors Errors { get; } = new();

    public static IReadOnlyList<SkillCategory> Categories => SkillCategories.All;

    [TempData]
    public string? Notice { get; set; }

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        Found = await sender.Send(new SearchTaxonomy(Query), cancellationToken);
        Changes = await sender.Send(new ListOverlayChanges(), cancellationToken);
    }

    public Task<IActionResult> OnPostAliasAsync(CancellationToken cancellationToken) =>
        ChangeAsync("alias", new AddAlias(SkillId ?? "", Alias ?? ""), $"'{Alias?.Trim()}' is now an alias of {SkillId?.Trim()}.", cancellationToken);

    public Task<IActionResult> OnPostImplicationAsync(CancellationToken cancellationToken) =>
        ChangeAsync("implication", new AddImplication(SkillId ?? "", ImpliedId ?? ""), $"{SkillId?.Trim()} now implies {ImpliedId?.Trim()}.", cancellationToken);

    public Task<IActionResult> OnPostRelationAsync(CancellationToken cancellationToken)
    {
        if (!double.TryParse(Similarity, NumberStyles.Float, CultureInfo.InvariantCulture, out var similarity) || double.IsNaN(similarity))
        {
            Errors.Add("relation", [Error.Validation("Similarity", "Write the similarity as a number between 0 and 1, such as 0.6.")], "Similarity");
            return RedisplayAsync(cancellationToken);
        }

        return ChangeAsync("relation", new AddRelation(SkillId ?? "", OtherId ?? "", similarity), $"{SkillId?.Trim()} and {OtherId?.Trim()} are now related.", cancellationToken);
    }

    public Task<IActionResult> OnPostMergeAsync(CancellationToken cancellationToken) =>
        ChangeAsync("merge", new MergeSkills(FromId ?? "", IntoId ?? ""), $"{FromId?.Trim()} is merged into {IntoId?.Trim()}.", cancellationToken);

    public Task<IActionResult> OnPostSkillAsync(CancellationToken cancellationToken)
    {
        var aliases = (Aliases ?? "").Split([',', '\n'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        var skill = new SkillDefinition { Id = Id?.Trim() ?? "", Name = Name?.Trim() ?? "", Category = Category ?? "", Aliases = aliases };
        return ChangeAsync("skill", new AddSkill(skill), $"The skill {Name?.Trim()} is added.", cancellationToken);
    }

    private async Task<IActionResult> ChangeAsync(string form, TaxonomyChange change, string notice, CancellationToken cancellationToken)
    {
        var changed = await sender.Send(new ChangeTaxonomy(change), cancellationToken);
        if (changed.IsFailure)
        {
            if (changed.FirstError.Kind == ErrorKind.Forbidden) return Forbid();
            Errors.Add(form, changed.Errors, "Change");
            return await RedisplayAsync(cancellationToken);
        }

        Notice = notice + " Every server uses it within a second or so, and the matches it changes are stored again.";
        return RedirectToPage(new { q = Query });
    }

    private async Task<IActionResult> RedisplayAsync(CancellationToken cancellationToken)
    {
        await OnGetAsync(cancellationToken);
        return Page();
    }
}
