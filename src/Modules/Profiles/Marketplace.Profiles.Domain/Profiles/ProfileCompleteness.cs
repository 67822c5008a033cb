namespace Marketplace.Profiles.Domain.Profiles;

/// <summary>One thing a complete profile has, what it weighs in the meter, and whether this profile has it.</summary>
public sealed record CompletenessStep(string Key, string Title, string Why, int Weight, bool Done);

/// <summary>How complete a profile is, as a percentage of weighted steps, and the next step worth the most.</summary>
public sealed record ProfileCompleteness(IReadOnlyList<CompletenessStep> Steps)
{
    public const int SkillsWanted = 5;
    public const int SkillsWithYearsWanted = 3;

    public int Percent => Steps.Where(s => s.Done).Sum(s => s.Weight) * 100 / Steps.Sum(s => s.Weight);

    public CompletenessStep? Next => Steps.Where(s => !s.Done).OrderByDescending(s => s.Weight).FirstOrDefault();

    /// <summary>The steps, weighted by what matching and employers use most: skills first, then preferences, then the words.</summary>
    public static ProfileCompleteness Of(SeekerProfile? profile)
    {
        var recognised = profile?.RecognisedSkills.ToList() ?? [];
        var preferences = profile?.Preferences;
        return new ProfileCompleteness(
        [
            new("skills", $"Add at least {SkillsWanted} skills", "Matching scores you on the skills the taxonomy recognises.", 30, recognised.Count >= SkillsWanted),
            new("years", $"Say how long you have used {SkillsWithYearsWanted} of your skills", "Employers weigh experience; years show it.", 10,
                recognised.Count(s => s.Years is not null) >= SkillsWithYearsWanted),
            new("work", "Choose how and where you want to work", "Postings you cannot take are left out of your matches.", 15,
                preferences is { WorkModes.Count: > 0 } && (preferences.WorkModes.All(m => m == Preferences.WorkMode.Remote) || preferences.Locations.Count > 0)),
            new("salary", "Set your minimum salary", "Postings that pay less are called out before you apply.", 10, preferences?.MinimumSalary is not null),
            new("seniority", "Choose the seniority you want", "Matching prefers roles at your level.", 10, preferences?.Seniority is not null),
            new("name", "Add your name", "Employers see it once you apply or accept a contact request.", 5, profile?.DisplayName is not null),
            new("headline", "Write a headline", "One line that tells an employer what you do best.", 10, profile?.Headline is not null),
            new("summary", "Write a short summary", "A few sentences about the work you have done and want to do.", 10, profile?.Summary is not null),
        ]);
    }
}
