using Marketplace.Profiles.Contracts;
using Marketplace.Profiles.Domain.Profiles;

namespace Marketplace.Profiles.Application.Profiles;

/// <summary>The one place a profile becomes the events the rest of the marketplace hears.</summary>
public static class ProfileEventsMapping
{
    public static ProfileChanged Changed(SeekerProfile profile, DateTimeOffset now)
    {
        var preferences = profile.Preferences;
        return new ProfileChanged(
            Guid.CreateVersion7(now),
            now,
            profile.Id,
            profile.Revision,
            [.. profile.RecognisedSkills.Select(s => new ProfileSkillData(s.SkillId!, (int)s.Level, s.Years, s.LastUsedYear))],
            [.. profile.UnrecognisedSkills.Select(s => new UnrecognisedSkillData(s.Mention, (int)s.Level))],
            preferences.Seniority?.ToString(),
            [.. preferences.WorkModes.Select(m => m.ToString())],
            [.. preferences.Locations.Select(l => new ProfileLocationData(l.Country, l.City))],
            preferences.WillingToRelocate,
            preferences.MinimumSalary is { } s ? new MinimumSalaryData(s.Amount, s.Currency, s.Period.ToString(), s.YearlyAmount) : null,
            preferences.Visibility.ToString());
    }
}
