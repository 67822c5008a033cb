using Marketplace.BuildingBlocks.Domain;
using Marketplace.Jobs.Contracts;
using Marketplace.Profiles.Contracts;
using Marketplace.Skills.Scoring;

namespace Marketplace.Courses.Application.Plans;

/// <summary>The two sides of a match as the engine scores them, with what the plan's page shows of the posting.</summary>
public sealed record GapInputs(Profile Profile, Posting Posting, string PostingTitle, string Company, bool PostingOpen);

/// <summary>
/// Where the plan gets a seeker's profile and a posting from. Today <see cref="ContractsGapSource"/> reads them through the
/// Jobs and Profiles facades and the plan scores them itself; when the Matching module's facade (a profile's gaps for a
/// posting, projected scores) lands, an implementation over it replaces this one and the plan stays as it is.
/// </summary>
public interface IGapSource
{
    Task<Result<GapInputs>> ForAsync(Guid seekerId, Guid postingId, CancellationToken cancellationToken);
}

public sealed class ContractsGapSource(IPostingDirectory postings, ISeekerProfiles profiles) : IGapSource
{
    public async Task<Result<GapInputs>> ForAsync(Guid seekerId, Guid postingId, CancellationToken cancellationToken)
    {
        if (await postings.FindPublicAsync(postingId, cancellationToken) is not { } posting)
        {
            return Error.NotFound("posting", postingId);
        }

        var profile = await profiles.FindAsync(seekerId, cancellationToken);
        return new GapInputs(ToEngine(seekerId, profile), ToEngine(posting), posting.Title, posting.Company, posting.Status == "Published");
    }

    public static Posting ToEngine(PostingSnapshot posting)
    {
        SkillRequirement Requirement(PostingSkillRequirement s) => new(s.SkillId, s.MinLevel, s.Weight, s.Required && s.Dealbreaker);
        var place = posting.Places.FirstOrDefault();
        return new Posting(
            posting.PostingId.ToString(),
            [.. posting.Skills.Where(s => s.Required).Select(Requirement)],
            [.. posting.Skills.Where(s => !s.Required).Select(Requirement)],
            Enum.TryParse<Seniority>(posting.Seniority, out var seniority) ? seniority : null,
            Enum.TryParse<WorkMode>(posting.WorkMode, out var mode) ? mode : WorkMode.Remote,
            place?.Country ?? posting.AcceptedCountries.FirstOrDefault(),
            place?.City,
            new SalaryRange((double)posting.Salary.YearlyMin, (double)posting.Salary.YearlyMax));
    }

    public static Profile ToEngine(Guid seekerId, ProfileChanged? profile)
    {
        if (profile is null)
        {
            return new Profile(seekerId.ToString(), []);
        }

        var location = profile.Locations.FirstOrDefault();
        var remote = profile.WorkModes.Count == 1 && Enum.TryParse<RemotePreference>(profile.WorkModes[0], out var only) ? only : RemotePreference.Any;
        return new Profile(
            seekerId.ToString(),
            [.. profile.Skills.Select(s => new ProfileSkill(s.SkillId, s.Level, (double?)s.Years))],
            Enum.TryParse<Seniority>(profile.Seniority, out var seniority) ? seniority : null,
            new Preferences(remote, location?.Country, location?.City, profile.WillingToRelocate, (double?)profile.MinimumSalary?.YearlyAmount));
    }
}
