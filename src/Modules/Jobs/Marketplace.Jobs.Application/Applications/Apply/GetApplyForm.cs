using Marketplace.BuildingBlocks.Application;
using Marketplace.BuildingBlocks.Domain;
using Marketplace.Jobs.Application.Postings;
using Marketplace.Jobs.Domain.Postings;
using Marketplace.Profiles.Contracts;
using Mediator;

namespace Marketplace.Jobs.Application.Applications.Apply;

/// <summary>
/// What the apply page shows: the posting, whether it takes applications, the seeker's earlier application to it if any,
/// and what of their profile the company will see.
/// </summary>
public sealed record ApplyFormDto(
    PostingHeading Posting,
    bool Open,
    Guid? EarlierApplication,
    DateTimeOffset? EarlierSubmittedAt,
    string? DisplayName,
    int SkillCount,
    bool HasCv);

public sealed record GetApplyForm(Guid PostingId) : IQuery<Result<ApplyFormDto>>;

public sealed class GetApplyFormHandler(IPostingRepository postings, IApplicationRepository applications, IApplicantProfiles profiles, ICurrentUser currentUser)
    : IQueryHandler<GetApplyForm, Result<ApplyFormDto>>
{
    public async ValueTask<Result<ApplyFormDto>> Handle(GetApplyForm query, CancellationToken cancellationToken)
    {
        var posting = await postings.FindAsync(query.PostingId, cancellationToken);
        if (posting is null || posting.Status == PostingStatus.Draft || currentUser.UserId is not { } seekerId)
        {
            return Error.NotFound("posting", query.PostingId);
        }

        var earlier = await applications.FindMineAsync(posting.Id, seekerId, cancellationToken);
        var profile = await profiles.FindAsync(seekerId, cancellationToken);
        return new ApplyFormDto(
            new PostingHeading(posting.Id, posting.Title, posting.Company, posting.Status.ToString()),
            posting.Status == PostingStatus.Published,
            earlier?.Id,
            earlier?.SubmittedAt,
            profile?.DisplayName,
            profile?.Skills.Count ?? 0,
            profile?.CvText is not null);
    }
}
