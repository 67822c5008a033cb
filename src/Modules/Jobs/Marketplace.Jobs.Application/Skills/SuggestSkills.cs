using FluentValidation;
using Marketplace.BuildingBlocks.Domain;
using Mediator;

namespace Marketplace.Jobs.Application.Skills;

/// <summary>Skills for a picker, for what was typed so far: any alias finds its canonical skill.</summary>
public sealed record SuggestSkills(string? Text, int Limit = 8) : IQuery<Result<IReadOnlyList<SkillRef>>>;

public sealed class SuggestSkillsValidator : AbstractValidator<SuggestSkills>
{
    public SuggestSkillsValidator()
    {
        RuleFor(q => q.Text).MaximumLength(SkillCatalog.MaxTextLength);
        RuleFor(q => q.Limit).InclusiveBetween(1, 20);
    }
}

public sealed class SuggestSkillsHandler(SkillCatalog skills) : IQueryHandler<SuggestSkills, Result<IReadOnlyList<SkillRef>>>
{
    public ValueTask<Result<IReadOnlyList<SkillRef>>> Handle(SuggestSkills query, CancellationToken cancellationToken) =>
        ValueTask.FromResult(Result.Success(skills.Suggest(query.Text, query.Limit)));
}
