using FluentValidation;
using Marketplace.Profiles.Domain.Preferences;
using Marketplace.Profiles.Domain.Profiles;

namespace Marketplace.Profiles.Application.Profiles;

/// <summary>
/// A skill as a client states it: a canonical <see cref="SkillId"/> picked from the suggestions, or a <see cref="Name"/>
/// as a person would write it ("postgres", "C#/.NET"), which the taxonomy resolves; what it does not know is kept as
/// unrecognised. Level 1 (aware) to 5 (expert); years of use; the year last used.
/// </summary>
public sealed record SkillInput(string? SkillId, string? Name, int Level, decimal? Years = null, int? LastUsed = null);

public sealed record LocationInput(string? Country, string? City);

public sealed record SalaryInput(decimal Amount, string? Currency, string? Period);

/// <summary>Seniority Junior|Mid|Senior|Lead; work modes Remote|Hybrid|OnSite; visibility Private|Applications|Discoverable.</summary>
public sealed record PreferencesInput(
    string? Seniority,
    IReadOnlyList<string>? WorkModes,
    IReadOnlyList<LocationInput>? Locations,
    bool WillingToRelocate,
    SalaryInput? MinimumSalary,
    string? Visibility);

/// <summary>The shape of a skill as sent; whether it is a duplicate or fits the profile is the profile's to say.</summary>
public sealed class SkillInputValidator : AbstractValidator<SkillInput>
{
    public SkillInputValidator(TimeProvider clock)
    {
        RuleFor(s => s.Name).NotEmpty().When(s => string.IsNullOrWhiteSpace(s.SkillId))
            .WithMessage("Name the skill, or pick it from the suggestions.");
        RuleFor(s => s.Name).MaximumLength(ProfileSkill.MaxMentionLength);
        RuleFor(s => s.SkillId).MaximumLength(100)
            .Matches("^[a-z0-9][a-z0-9.+#-]*$").WithMessage("A skill id is a canonical id such as 'csharp' or 'postgresql'.");
        RuleFor(s => s.Level).InclusiveBetween(SkillLevels.Min, SkillLevels.Max)
            .WithMessage($"A level runs from {SkillLevels.Min} (aware) to {SkillLevels.Max} (expert).");
        RuleFor(s => s.Years).InclusiveBetween(0, ProfileSkill.MaxYears).PrecisionScale(3, 1, ignoreTrailingZeros: true)
            .WithMessage($"Years of use run from 0 to {ProfileSkill.MaxYears}, in steps of 0.1.");
        RuleFor(s => s.LastUsed).InclusiveBetween(ProfileSkill.EarliestYear, clock.GetUtcNow().Year)
            .WithMessage(_ => $"The year last used runs from {ProfileSkill.EarliestYear} to {clock.GetUtcNow().Year}.");
    }
}

public sealed class PreferencesInputValidator : AbstractValidator<PreferencesInput>
{
    public PreferencesInputValidator()
    {
        RuleFor(p => p.Seniority).IsEnumName(typeof(Seniority), caseSensitive: false)
            .WithMessage($"Seniority is one of: {string.Join(", ", Enum.GetNames<Seniority>())}.");
        RuleForEach(p => p.WorkModes).NotEmpty().IsEnumName(typeof(WorkMode), caseSensitive: false)
            .WithMessage($"A work mode is one of: {string.Join(", ", Enum.GetNames<WorkMode>())}.");
        RuleFor(p => p.Locations).Must(l => l is null || l.Count <= JobPreferences.MaxLocations)
            .WithMessage($"At most {JobPreferences.MaxLocations} locations.");
        RuleForEach(p => p.Locations).ChildRules(location =>
        {
            location.RuleFor(l => l.Country).NotEmpty().Must(c => Countries.Normalize(c) is not null)
                .WithMessage("Choose a country (an ISO code such as DE or PT).");
            location.RuleFor(l => l.City).MaximumLength(JobPreferences.MaxCityLength);
        });
        RuleFor(p => p.MinimumSalary!.Amount).GreaterThan(0).LessThanOrEqualTo(SalaryExpectation.MaxAmount)
            .When(p => p.MinimumSalary is not null).OverridePropertyName("MinimumSalary.Amount")
            .WithMessage("The minimum salary is a positive amount.");
        RuleFor(p => p.MinimumSalary!.Currency).Must(c => Currencies.Normalize(c) is not null)
            .When(p => p.MinimumSalary is not null).OverridePropertyName("MinimumSalary.Currency")
            .WithMessage("Currency is a three-letter ISO code, e.g. EUR.");
        RuleFor(p => p.MinimumSalary!.Period).NotEmpty().IsEnumName(typeof(PayPeriod), caseSensitive: false)
            .When(p => p.MinimumSalary is not null).OverridePropertyName("MinimumSalary.Period")
            .WithMessage($"The period is one of: {string.Join(", ", Enum.GetNames<PayPeriod>())}.");
        RuleFor(p => p.Visibility).IsEnumName(typeof(ProfileVisibility), caseSensitive: false)
            .WithMessage($"Visibility is one of: {string.Join(", ", Enum.GetNames<ProfileVisibility>())}.");
    }
}

internal static class PreferencesMapping
{
    /// <summary>Input that passed its validator, as the domain's preferences; absent preferences are the defaults.</summary>
    public static JobPreferences ToPreferences(this PreferencesInput? input) => input is null
        ? JobPreferences.Default
        : new JobPreferences
        {
            Seniority = string.IsNullOrWhiteSpace(input.Seniority) ? null : Enum.Parse<Seniority>(input.Seniority, ignoreCase: true),
            WorkModes = [.. (input.WorkModes ?? []).Select(m => Enum.Parse<WorkMode>(m, ignoreCase: true))],
            Locations = [.. (input.Locations ?? []).Select(l => new PreferredLocation(Countries.Normalize(l.Country)!, string.IsNullOrWhiteSpace(l.City) ? null : l.City.Trim()))],
            WillingToRelocate = input.WillingToRelocate,
            MinimumSalary = input.MinimumSalary is { } s
                ? new SalaryExpectation(s.Amount, Currencies.Normalize(s.Currency)!, Enum.Parse<PayPeriod>(s.Period!, ignoreCase: true))
                : null,
            Visibility = string.IsNullOrWhiteSpace(input.Visibility)
                ? JobPreferences.Default.Visibility
                : Enum.Parse<ProfileVisibility>(input.Visibility, ignoreCase: true),
        };
}
