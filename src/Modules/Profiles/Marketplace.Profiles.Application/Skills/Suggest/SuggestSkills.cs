using FluentValidation;
using Marketplace.BuildingBlocks.Domain;
using Marketplace.Profiles.Application.Taxonomy;
using Mediator;

namespace Marketplace.Profiles.Application.Skills.Suggest;

/// <summary>Canonical skills for what someone is typing in a skill picker, best first.</summary>
public sealed record SuggestSkills(string? Text, int Limit = 8) : IQuery<Result<IReadOnlyList<SkillSuggestion>>>;

public sealed class SuggestSkillsValidator : AbstractValidator<SuggestSkills>
{
    public const int MaxLimit = 20;

    public SuggestSkillsValidator()
    {
        RuleFor(q => q.Text).MaximumLength(100).OverridePropertyName("q");
        RuleFor(q => q.Limit).InclusiveBetween(1, MaxLimit);
    }
}

public sealed class SuggestSkillsHandler(ITaxonomy taxonomy) : IQueryHandler<SuggestSkills, Result<IReadOnlyList<SkillSuggestion>>>
{
    public ValueTask<Result<IReadOnlyList<SkillSuggestion>>> Handle(SuggestSkills query, CancellationToken cancellationToken) =>
        ValueTask.FromResult(Result.Success<IReadOnlyList<SkillSuggestion>>(string.IsNullOrWhiteSpace(query.Text) ? [] : taxonomy.Suggest(query.Text, query.Limit)));
}
