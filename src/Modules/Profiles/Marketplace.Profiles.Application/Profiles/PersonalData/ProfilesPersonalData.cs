using Marketplace.Identity.Contracts;

namespace Marketplace.Profiles.Application.Profiles.PersonalData;

/// <summary>The Profiles module's part of a user's data export: the whole profile and the text of the last CV imported.</summary>
public sealed class ProfilesPersonalData(IProfileRepository profiles) : IPersonalDataSource
{
    public string Module => "profiles";

    public async Task<object?> ExportAsync(Guid userId, CancellationToken cancellationToken)
    {
        var profile = await profiles.FindAsync(userId, cancellationToken);
        var cv = await profiles.FindCvAsync(userId, cancellationToken);
        if (profile is null && cv is null)
        {
            return null;
        }

        return new
        {
            Profile = profile is null
                ? null
                : new
                {
                    profile.DisplayName,
                    profile.Headline,
                    profile.Summary,
                    Skills = profile.Skills.Select(s => new
                    {
                        s.SkillId,
                        s.Mention,
                        Level = (int)s.Level,
                        s.Years,
                        LastUsed = s.LastUsedYear,
                        Source = s.Source.ToString(),
                        s.SourceName,
                    }),
                    Preferences = new
                    {
                        Seniority = profile.Preferences.Seniority?.ToString(),
                        WorkModes = profile.Preferences.WorkModes.Select(m => m.ToString()),
                        profile.Preferences.Locations,
                        profile.Preferences.WillingToRelocate,
                        MinimumSalary = profile.Preferences.MinimumSalary is { } s
                            ? new { s.Amount, s.Currency, Period = s.Period.ToString() }
                            : null,
                        Visibility = profile.Preferences.Visibility.ToString(),
                    },
                    profile.CreatedAt,
                    profile.UpdatedAt,
                },
            Cv = cv is null ? null : new { cv.FileName, Format = cv.Format.ToString(), cv.ImportedAt, cv.Text },
        };
    }
}
