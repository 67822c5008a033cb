using FluentValidation;
using Marketplace.BuildingBlocks.Application;
using Marketplace.BuildingBlocks.Domain;
using Marketplace.Matching.Contracts;
using Marketplace.Matching.Contracts.Taxonomy;
using Marketplace.Skills.Taxonomy;
using Mediator;

namespace Marketplace.Matching.Application.Taxonomy;

/// <summary>An admin changes the taxonomy: adds a skill, an alias, an implication or a relation, merges two skills or marks a
/// mention as not a skill. Answers the change's position in the change feed.</summary>
public sealed record ChangeTaxonomy(TaxonomyChange Change) : ICommand<Result<long>>;

public sealed class ChangeTaxonomyValidator : AbstractValidator<ChangeTaxonomy>
{
    public ChangeTaxonomyValidator()
    {
        RuleFor(c => c.Change).NotNull().OverridePropertyName("Change");
        When(c => c.Change is AddAlias, () =>
        {
            RuleFor(c => ((AddAlias)c.Change).SkillId).NotEmpty().OverridePropertyName("SkillId").WithMessage("Name the skill the alias belongs to.");
            RuleFor(c => ((AddAlias)c.Change).Alias).NotEmpty().MaximumLength(100).OverridePropertyName("Alias").WithMessage("Write the alias (at most 100 characters).");
        });
        When(c => c.Change is AddImplication, () =>
        {
            RuleFor(c => ((AddImplication)c.Change).SkillId).NotEmpty().OverridePropertyName("SkillId").WithMessage("Name the skill that implies.");
            RuleFor(c => ((AddImplication)c.Change).ImpliedId).NotEmpty().OverridePropertyName("ImpliedId").WithMessage("Name the implied skill.");
        });
        When(c => c.Change is AddRelation, () =>
        {
            RuleFor(c => ((AddRelation)c.Change).SkillId).NotEmpty().OverridePropertyName("SkillId").WithMessage("Name the first skill.");
            RuleFor(c => ((AddRelation)c.Change).OtherId).NotEmpty().OverridePropertyName("OtherId").WithMessage("Name the related skill.");
            RuleFor(c => ((AddRelation)c.Change).Similarity).ExclusiveBetween(0, 1).OverridePropertyName("Similarity").WithMessage("The similarity is a number between 0 and 1 (exclusive).");
        });
        When(c => c.Change is MergeSkills, () =>
        {
            RuleFor(c => ((MergeSkills)c.Change).FromId).NotEmpty().OverridePropertyName("FromId").WithMessage("Name the skill to merge away.");
            RuleFor(c => ((MergeSkills)c.Change).IntoId).NotEmpty().OverridePropertyName("IntoId").WithMessage("Name the skill to merge into.");
        });
        When(c => c.Change is AddSkill, () =>
        {
            RuleFor(c => ((AddSkill)c.Change).Skill.Id).NotEmpty().MaximumLength(60).Matches("^[a-z0-9][a-z0-9.+#-]*$").OverridePropertyName("Id")
                .WithMessage("The id is lower-case letters, digits and . + # - (at most 60).");
            RuleFor(c => ((AddSkill)c.Change).Skill.Name).NotEmpty().MaximumLength(100).OverridePropertyName("Name").WithMessage("Name the skill (at most 100 characters).");
            RuleFor(c => ((AddSkill)c.Change).Skill.Category).Must(c => SkillCategories.Find(c) is not null).OverridePropertyName("Category").WithMessage("Pick a category.");
        });
        When(c => c.Change is MarkNotASkill, () =>
            RuleFor(c => ((MarkNotASkill)c.Change).Mention).NotEmpty().MaximumLength(100).OverridePropertyName("Mention").WithMessage("Write the mention."));
    }
}

public sealed class ChangeTaxonomyHandler(TaxonomyChanges changes, ICurrentUser user) : ICommandHandler<ChangeTaxonomy, Result<long>>
{
    public async ValueTask<Result<long>> Handle(ChangeTaxonomy command, CancellationToken cancellationToken)
    {
        if (!user.IsInRole(Roles.Admin)) return Result<long>.Failure(Error.Forbidden("Only admins change the taxonomy."));
        return await changes.ApplyAsync(command.Change, cancellationToken);
    }
}

/// <summary>
/// The one way a taxonomy change is stored: validated against the embedded data and every stored change (under the feed lock, so
/// two admins cannot both pass a check that together they break), stored at the next feed position, and announced so the lists it
/// changes are stored again (every process's engine rescoring from that position with the new taxonomy).
/// </summary>
public sealed class TaxonomyChanges(ITaxonomyOverlay overlay, ISkillsFacade skills, IIntegrationEventPublisher events, ICurrentUser user, TimeProvider clock)
{
    public async Task<Result<long>> ApplyAsync(TaxonomyChange change, CancellationToken cancellationToken)
    {
        change = Canonical(change, skills.Current);
        var stored = await overlay.LockAndLoadAsync(cancellationToken);
        var all = stored.Select(e => e.ToChange()).Append(change).ToList();
        var result = SkillTaxonomy.Embedded.WithOverlay(new TaxonomyOverlay(all));
        if (!result.IsSuccess)
            return Result<long>.Failure(Error.Validation(FieldOf(change), Explain(result.Errors, all.Count)));

        var now = clock.GetUtcNow();
        var position = await overlay.AppendAsync(change, user.Email ?? user.UserId?.ToString() ?? "admin", now, cancellationToken);
        events.Publish(new MatchInputsChanged(Guid.NewGuid(), now, position));
        return position;
    }

    // Admins may name a skill by its id or as people write it ("Kubernetes", "k8s"); the overlay keeps ids.
    private static TaxonomyChange Canonical(TaxonomyChange change, SkillTaxonomy taxonomy)
    {
        string Id(string? text)
        {
            string named = text?.Trim() ?? "";
            return (taxonomy.Find(named.ToLowerInvariant()) ?? taxonomy.NormalizeOne(named))?.Id ?? named;
        }

        return change switch
        {
            AddAlias c => c with { SkillId = Id(c.SkillId), Alias = c.Alias.Trim() },
            AddImplication c => c with { SkillId = Id(c.SkillId), ImpliedId = Id(c.ImpliedId) },
            AddRelation c => c with { SkillId = Id(c.SkillId), OtherId = Id(c.OtherId) },
            MergeSkills c => c with { FromId = Id(c.FromId), IntoId = Id(c.IntoId) },
            AddSkill c => c with { Skill = c.Skill with { Implies = [.. c.Skill.Implies.Select(Id)], Related = [.. c.Skill.Related.Select(r => r with { Id = Id(r.Id) })] } },
            _ => change,
        };
    }

    // The applier names changes by their place in the whole overlay; the admin knows only the change they just asked for.
    private static string Explain(IReadOnlyList<string> errors, int count)
    {
        string prefix = $"overlay change {count} (";
        var mine = errors.FirstOrDefault(e => e.StartsWith(prefix, StringComparison.Ordinal)) ?? errors[0];
        int at = mine.IndexOf("): ", StringComparison.Ordinal);
        string message = mine.StartsWith(prefix, StringComparison.Ordinal) && at > 0 ? mine[(at + 3)..] : mine;
        return char.ToUpperInvariant(message[0]) + message[1..] + (message.EndsWith('.') ? "" : ".");
    }

    private static string FieldOf(TaxonomyChange change) => change switch
    {
        AddSkill => "Name",
        AddAlias => "Alias",
        AddImplication => "ImpliedId",
        AddRelation => "OtherId",
        MergeSkills => "IntoId",
        MarkNotASkill => "Mention",
        _ => "Change",
    };
}
