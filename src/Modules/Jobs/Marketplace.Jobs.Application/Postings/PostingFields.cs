using FluentValidation;
using Marketplace.Jobs.Domain.Postings;

namespace Marketplace.Jobs.Application.Postings;

public sealed record SalaryInput(decimal Min, decimal Max, string? Currency);

public sealed record SkillRequirementInput(string? SkillId, int MinLevel, int Weight);

/// <summary>The fields an employer fills in to publish or edit a posting.</summary>
public interface IPostingFields
{
    string? Title { get; }
    string? Company { get; }
    string? Description { get; }
    string? Seniority { get; }
    string? Location { get; }
    string? WorkMode { get; }
    SalaryInput? Salary { get; }
    IReadOnlyList<SkillRequirementInput>? RequiredSkills { get; }
    IReadOnlyList<SkillRequirementInput>? NiceToHaveSkills { get; }
}

/// <summary>The rules both publishing and editing check, each failure naming its field.</summary>
public abstract class PostingFieldsValidator<T> : AbstractValidator<T>
    where T : IPostingFields
{
    public const int MaxSkills = 30;

    protected PostingFieldsValidator()
    {
        RuleFor(p => p.Title).NotEmpty().MaximumLength(200);
        // Required only of employers without a company (the domain checks it): a member's postings carry the company's name.
        RuleFor(p => p.Company).MaximumLength(200);
        RuleFor(p => p.Description).MaximumLength(10_000);
        RuleFor(p => p.Seniority).NotEmpty().IsEnumName(typeof(Seniority), caseSensitive: false)
            .WithMessage($"Seniority must be one of: {string.Join(", ", Enum.GetNames<Seniority>())}.");
        RuleFor(p => p.WorkMode).NotEmpty().IsEnumName(typeof(WorkMode), caseSensitive: false)
            .WithMessage($"WorkMode must be one of: {string.Join(", ", Enum.GetNames<WorkMode>())}.");
        RuleFor(p => p.Location).MaximumLength(200);
        RuleFor(p => p.Location).NotEmpty()
            .When(p => !string.Equals(p.WorkMode, nameof(Domain.Postings.WorkMode.Remote), StringComparison.OrdinalIgnoreCase))
            .WithMessage("An on-site or hybrid posting needs a location.");
        RuleFor(p => p.Salary!.Min).InclusiveBetween(0, SalaryRange.MaxAmount).When(p => p.Salary is not null).OverridePropertyName("Salary.Min");
        RuleFor(p => p.Salary!.Max).GreaterThanOrEqualTo(p => p.Salary!.Min).When(p => p.Salary is not null)
            .OverridePropertyName("Salary.Max").WithMessage("The maximum salary must not be below the minimum.");
        RuleFor(p => p.Salary!.Max).LessThanOrEqualTo(SalaryRange.MaxAmount).When(p => p.Salary is not null).OverridePropertyName("Salary.Max");
        RuleFor(p => p.Salary!.Currency).NotEmpty().Length(3).When(p => p.Salary is not null)
            .OverridePropertyName("Salary.Currency").WithMessage("Currency is a three-letter ISO code, e.g. EUR.");
        RuleFor(p => p.RequiredSkills).NotEmpty().WithMessage("A posting needs at least one required skill.");
        RuleFor(p => p.RequiredSkills).Must(s => s is null || s.Count <= MaxSkills).WithMessage($"At most {MaxSkills} required skills.");
        RuleFor(p => p.NiceToHaveSkills).Must(s => s is null || s.Count <= MaxSkills).WithMessage($"At most {MaxSkills} nice-to-have skills.");
        RuleForEach(p => p.RequiredSkills).SetValidator(new SkillRequirementValidator());
        RuleForEach(p => p.NiceToHaveSkills).SetValidator(new SkillRequirementValidator());
        RuleFor(p => p).Must(HaveDistinctSkills).OverridePropertyName("NiceToHaveSkills")
            .WithMessage("A skill may be listed only once, as required or as nice to have.");
    }

    private static bool HaveDistinctSkills(T posting)
    {
        var ids = (posting.RequiredSkills ?? []).Concat(posting.NiceToHaveSkills ?? [])
            .Select(s => s?.SkillId?.Trim().ToLowerInvariant())
            .Where(id => !string.IsNullOrEmpty(id))
            .ToList();
        return ids.Count == ids.Distinct().Count();
    }

    private sealed class SkillRequirementValidator : AbstractValidator<SkillRequirementInput>
    {
        public SkillRequirementValidator()
        {
            RuleFor(s => s.SkillId).NotEmpty().MaximumLength(100)
                .Matches("^[A-Za-z0-9][A-Za-z0-9.+#-]*$").WithMessage("A skill id is a canonical id such as 'csharp' or 'postgresql'.");
            RuleFor(s => s.MinLevel).InclusiveBetween(1, PostingSkill.MaxLevel);
            RuleFor(s => s.Weight).InclusiveBetween(1, PostingSkill.MaxWeight);
        }
    }
}

internal static class PostingFieldsMapping
{
    public static PostingDetails ToDetails(this IPostingFields fields) => new(
        fields.Title ?? "",
        fields.Company ?? "",
        fields.Description,
        Enum.Parse<Seniority>(fields.Seniority!, ignoreCase: true),
        fields.Location,
        Enum.Parse<WorkMode>(fields.WorkMode!, ignoreCase: true),
        fields.Salary is { } s ? new SalaryRange(s.Min, s.Max, s.Currency ?? "") : null,
        [
            .. (fields.RequiredSkills ?? []).Select(s => new PostingSkill(s.SkillId ?? "", s.MinLevel, s.Weight, required: true)),
            .. (fields.NiceToHaveSkills ?? []).Select(s => new PostingSkill(s.SkillId ?? "", s.MinLevel, s.Weight, required: false)),
        ]);
}
