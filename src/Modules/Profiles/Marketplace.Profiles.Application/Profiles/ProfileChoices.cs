using Marketplace.Profiles.Domain.Preferences;
using Marketplace.Profiles.Domain.Profiles;

namespace Marketplace.Profiles.Application.Profiles;

/// <summary>A choice a form offers: the value sent, the label shown, and a line that explains it.</summary>
public sealed record Choice(string Value, string Label, string? Hint = null);

/// <summary>The values the profile's fields accept, for pages and clients to offer (the domain's lists, as text).</summary>
public static class ProfileChoices
{
    public static IReadOnlyList<Choice> Levels { get; } =
        [.. Enum.GetValues<SkillLevel>().Select(l => new Choice(((int)l).ToString(System.Globalization.CultureInfo.InvariantCulture), l.ToString(), SkillLevels.Describe(l)))];

    public static IReadOnlyList<Choice> Seniorities { get; } = [.. Enum.GetNames<Seniority>().Select(s => new Choice(s, s))];

    public static IReadOnlyList<Choice> WorkModes { get; } =
    [
        new(nameof(WorkMode.Remote), "Remote"),
        new(nameof(WorkMode.Hybrid), "Hybrid"),
        new(nameof(WorkMode.OnSite), "On site"),
    ];

    public static IReadOnlyList<Choice> PayPeriods { get; } =
    [
        new(nameof(PayPeriod.Year), "a year"),
        new(nameof(PayPeriod.Month), "a month"),
        new(nameof(PayPeriod.Day), "a day"),
        new(nameof(PayPeriod.Hour), "an hour"),
    ];

    public static IReadOnlyList<Choice> Visibilities { get; } =
    [
        new(nameof(ProfileVisibility.Private), "Private", "No employer sees your profile, not even where you apply. You are never a candidate in searches."),
        new(nameof(ProfileVisibility.Applications), "Where I apply", "Employers see your profile only for the postings you apply to."),
        new(nameof(ProfileVisibility.Discoverable), "Discoverable", "Employers can find you in their candidate search, without your name or contact until you apply or accept a request."),
    ];

    public static IReadOnlyList<Choice> Countries { get; } = [.. Domain.Preferences.Countries.All.Select(c => new Choice(c.Code, c.Name))];

    /// <summary>The common currencies first, then every other one.</summary>
    public static IReadOnlyList<Choice> Currencies { get; } =
        [.. Domain.Preferences.Currencies.Common.Concat(Domain.Preferences.Currencies.All.Except(Domain.Preferences.Currencies.Common)).Select(c => new Choice(c, c))];

    public static string LevelName(int level) => SkillLevels.IsValid(level) ? ((SkillLevel)level).ToString() : level.ToString(System.Globalization.CultureInfo.InvariantCulture);

    public static string CountryName(string code) => Domain.Preferences.Countries.NameOf(code);
}
