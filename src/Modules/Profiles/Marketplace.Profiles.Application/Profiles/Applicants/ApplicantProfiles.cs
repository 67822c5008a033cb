using Marketplace.Profiles.Application.Taxonomy;
using Marketplace.Profiles.Contracts;

namespace Marketplace.Profiles.Application.Profiles.Applicants;

/// <summary>A seeker's profile and CV text as an application copies them, strongest skills first.</summary>
public sealed class ApplicantProfiles(IProfileRepository profiles, ITaxonomy taxonomy) : IApplicantProfiles
{
    public async Task<ApplicantProfileData?> FindAsync(Guid userId, CancellationToken cancellationToken)
    {
        var profile = await profiles.FindAsync(userId, cancellationToken);
        var cv = await profiles.FindCvAsync(userId, cancellationToken);
        if (profile is null && cv is null)
        {
            return null;
        }

        var skills = (profile?.Skills ?? [])
            .OrderByDescending(s => s.Level).ThenByDescending(s => s.Years ?? 0)
            .Select(s => new ApplicantSkillData(
                s.SkillId,
                s.SkillId is { } id && taxonomy.Find(id) is { } known ? known.Name : s.Mention,
                (int)s.Level,
                s.Level.ToString(),
                s.Years,
                s.LastUsedYear))
            .ToList();
        return new ApplicantProfileData(userId, profile?.DisplayName, profile?.Headline, skills, cv?.Text, cv?.ImportedAt);
    }
}
