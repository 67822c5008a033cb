using Marketplace.BuildingBlocks.Domain;
using Marketplace.Identity.Contracts;
using Marketplace.Matching.Application.Taxonomy;
using Marketplace.Skills.Taxonomy;
using Mediator;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Marketplace.Matching.Web.Pages.Admin.Taxonomy;

/// <summary>The unknown-mentions queue: what profiles, postings, searches and course imports wrote that named no skill, most
/// mentioned first, each settled with one action (an alias of a skill, a new skill, or not a skill).</summary>
[Authorize(Policy = AuthorizationPolicies.Admin)]
public sealed class MentionsModel(ISender sender) : PageModel
{
    public IReadOnlyList<QueuedMention> Queue { get; private set; } = [];

    public static IReadOnlyList<SkillCategory> Categories => SkillCategories.All;

    /// <summary>The mention whose action was refused, and why, shown next to its fields.</summary>
    public (string Key, string Field, string Message)? Problem { get; private set; }

    public string? PostedSkill { get; private set; }

    [TempData]
    public string? Notice { get; set; }

    public async Task OnGetAsync(CancellationToken cancellationToken) => Queue = await sender.Send(new ListUnknownMentions(), cancellationToken);

    public async Task<IActionResult> OnPostAsync(string? key, string? resolution, string? skillId, string? category, CancellationToken cancellationToken)
    {
        if (!Enum.TryParse<MentionAction>(resolution, out var how) || !Enum.IsDefined(how))
        {
            Problem = (key ?? "", "Key", "Choose what the mention is.");
            await OnGetAsync(cancellationToken);
            return Page();
        }

        var resolved = await sender.Send(new ResolveUnknownMention(key ?? "", how, skillId, category), cancellationToken);
        if (resolved.IsFailure)
        {
            var error = resolved.FirstError;
            if (error.Kind == ErrorKind.Forbidden) return Forbid();
            if (error.Kind == ErrorKind.NotFound) return NotFound();
            Problem = (key ?? "", error.Field ?? "Key", error.Message);
            PostedSkill = skillId;
            await OnGetAsync(cancellationToken);
            return Page();
        }

        Notice = how switch
        {
            MentionAction.Alias => $"It is now an alias of {skillId?.Trim()}; profiles and postings that wrote it are matched again.",
            MentionAction.NewSkill => "It is now a skill; profiles and postings that wrote it are matched again.",
            _ => "It is marked as not a skill and leaves the queue.",
        };
        return RedirectToPage();
    }
}
