using FluentValidation;
using Marketplace.BuildingBlocks.Domain;
using Marketplace.Jobs.Application.Skills;
using Marketplace.Jobs.Domain.Postings;

namespace Marketplace.Jobs.Application.Postings;

/// <summary>A salary as a client sends it: per Year, Month, Day or Hour, in an ISO 4217 currency.</summary>
public sealed record SalaryInput(decimal? Min, decimal? Max, string? Currency, string? Period);

/// <summary>A place of work: a city and its ISO 3166 two-letter country code.</summary>
public sealed record PlaceInput(string? City, string? Country);

/// <summary>
/// A skill as a client sends it: <see cref="Skill"/> is a canonical id ("kubernetes") or a name as people write it ("k8s");
/// the minimum level defaults to 3 and the weight to 5 for a required skill, 2 for a nice-to-have one.
/// </summary>
public sealed record SkillInput(string? Skill, bool Required = true, int? MinLevel = null, int? Weight = null, bool Dealbreaker = false)
{
    public const int DefaultLevel = 3;
    public const int DefaultRequiredWeight = 5;
    public const int DefaultNiceToHaveWeight = 2;
}

/// <summary>The fields an employer fills in to draft, publish or edit a posting.</summary>
public interface IPostingFields
{
    string? Title { get; }
    string? Company { get; }
    string? Description { get; }
    string? Seniority { get; }
    string? WorkMode { get; }
    IReadOnlyList<PlaceInput>? Locations { get; }
    IReadOnlyList<string>? AcceptedCountries { get; }
    SalaryInput? Salary { get; }
    IReadOnlyList<SkillInput>? Skills { get; }
}

/// <summary>
/// The shape of the fields: lengths, counts, names of enumerations and formats of codes. What a posting must be (a title,
/// a salary range that makes sense, a required skill, skills listed once...) is the domain's to check, once.
/// </summary>
public abstract class PostingFieldsValidator<T> : AbstractValidator<T>
    where T : IPostingFields
{
    public const int MaxSkills = 40;
    public const int MaxPlaces = 20;
    public const int MaxCountries = 60;

    protected PostingFieldsValidator()
    {
        RuleFor(p => p.Title).MaximumLength(JobPosting.MaxTitleLength);
        RuleFor(p => p.Company).MaximumLength(JobPosting.MaxCompanyLength);
        RuleFor(p => p.Description).MaximumLength(JobPosting.MaxDescriptionLength);
        RuleFor(p => p.Seniority).NotEmpty().IsEnumName(typeof(Seniority), caseSensitive: false)
            .WithMessage($"Seniority is one of: {string.Join(", ", Enum.GetNames<Seniority>())}.");
        RuleFor(p => p.WorkMode).NotEmpty().IsEnumName(typeof(WorkMode), caseSensitive: false)
            .WithMessage($"WorkMode is one of: {string.Join(", ", Enum.GetNames<WorkMode>())}.");
        RuleFor(p => p.Locations).Must(l => l is null || l.Count <= MaxPlaces).WithMessage($"At most {MaxPlaces} places.");
        RuleForEach(p => p.Locations).ChildRules(place =>
        {
            place.RuleFor(l => l).NotNull().WithMessage("A place has a city and a country.");
            place.RuleFor(l => l.City).MaximumLength(JobPosting.MaxCityLength).When(l => l is not null);
            place.RuleFor(l => l.Country).Matches("^[A-Za-z]{2}$").When(l => l?.Country is not null)
                .WithMessage("A country is its two-letter ISO 3166 code, e.g. DE.");
        });
        RuleFor(p => p.AcceptedCountries).Must(c => c is null || c.Count <= MaxCountries).WithMessage($"At most {MaxCountries} countries.");
        RuleForEach(p => p.AcceptedCountries).NotEmpty().Matches("^[A-Za-z]{2}$").WithMessage("A country is its two-letter ISO 3166 code, e.g. DE.");
        RuleFor(p => p.Salary!.Min).NotNull().When(p => p.Salary is not null).OverridePropertyName("Salary.Min").WithMessage("State the minimum salary.");
        RuleFor(p => p.Salary!.Max).NotNull().When(p => p.Salary is not null).OverridePropertyName("Salary.Max").WithMessage("State the maximum salary.");
        // What the columns hold, with room for the yearly amount of an hourly rate.
        RuleFor(p => p.Salary!.Min).LessThan(1_000_000_000).When(p => p.Salary is not null).OverridePropertyName("Salary.Min");
        RuleFor(p => p.Salary!.Max).LessThan(1_000_000_000).When(p => p.Salary is not null).OverridePropertyName("Salary.Max");
        RuleFor(p => p.Salary!.Currency).NotEmpty().Matches("^[A-Za-z]{3}$").When(p => p.Salary is not null)
            .OverridePropertyName("Salary.Currency").WithMessage("A currency is its three-letter ISO 4217 code, e.g. EUR.");
        RuleFor(p => p.Salary!.Period).NotEmpty().IsEnumName(typeof(SalaryPeriod), caseSensitive: false).When(p => p.Salary is not null)
            .OverridePropertyName("Salary.Period").WithMessage($"A salary is paid per {string.Join(", ", Enum.GetNames<SalaryPeriod>())}.");
        RuleFor(p => p.Skills).Must(s => s is null || s.Count <= MaxSkills).WithMessage($"At most {MaxSkills} skills.");
        RuleForEach(p => p.Skills).ChildRules(skill =>
        {
            skill.RuleFor(s => s).NotNull().WithMessage("Name the skill.");
            skill.RuleFor(s => s.Skill).NotEmpty().MaximumLength(SkillCatalog.MaxTextLength).When(s => s is not null).WithMessage("Name the skill.");
        });
    }
}

/// <summary>From what a client sent to what the domain checks: skills resolved to canonical ids, codes upper-cased.</summary>
public static class PostingFieldsMapping
{
    public static Result<PostingDetails> ToDetails(this IPostingFields fields, SkillCatalog skills, string? companyName)
    {
        var errors = new List<Error>();
        var resolved = new List<PostingSkill>();
        var inputs = fields.Skills ?? [];
        for (var i = 0; i < inputs.Count; i++)
        {
            var input = inputs[i];
            var skill = skills.Resolve(input.Skill, $"Skills[{i}].Skill");
            if (skill.IsFailure)
            {
                errors.AddRange(skill.Errors);
                continue;
            }

            resolved.Add(new PostingSkill(
                skill.Value.Id,
                input.MinLevel ?? SkillInput.DefaultLevel,
                input.Weight ?? (input.Required ? SkillInput.DefaultRequiredWeight : SkillInput.DefaultNiceToHaveWeight),
                input.Required,
                input.Dealbreaker));
        }

        var details = new PostingDetails(
            fields.Title ?? "",
            companyName ?? fields.Company ?? "",
            fields.Description,
            Enum.Parse<Seniority>(fields.Seniority!, ignoreCase: true),
            Enum.Parse<WorkMode>(fields.WorkMode!, ignoreCase: true),
            [.. (fields.Locations ?? []).Select(l => new Place(l.City?.Trim() ?? "", l.Country?.Trim().ToUpperInvariant() ?? ""))],
            [.. (fields.AcceptedCountries ?? []).Select(c => c.Trim().ToUpperInvariant())],
            fields.Salary is { } s
                ? new Salary(s.Min ?? 0, s.Max ?? 0, s.Currency?.Trim().ToUpperInvariant() ?? "", Enum.Parse<SalaryPeriod>(s.Period!, ignoreCase: true))
                : null,
            resolved);

        // Unknown skills are reported with the domain's findings, so the client hears of every problem at once; the
        // domain's own skill rules then run over the skills that resolved, whose indexes no longer match the request's.
        var invariants = JobPosting.Check(details);
        if (errors.Count > 0)
        {
            return Result<PostingDetails>.Failure([.. errors, .. invariants.Where(e => e.Field is not { } f || !f.StartsWith("Skills", StringComparison.Ordinal))]);
        }

        return invariants.Count > 0 ? Result<PostingDetails>.Failure(invariants) : details;
    }
}
