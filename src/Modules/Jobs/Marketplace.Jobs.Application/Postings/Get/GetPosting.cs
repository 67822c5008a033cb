using Marketplace.BuildingBlocks.Application;
using Marketplace.BuildingBlocks.Domain;
using Marketplace.Jobs.Application.Matching;
using Marketplace.Jobs.Application.Moderation;
using Marketplace.Jobs.Application.Skills;
using Marketplace.Matching.Contracts;
using Mediator;

namespace Marketplace.Jobs.Application.Postings.Get;

/// <summary>A posting: anyone reads a published, closed or expired one; a draft or a held one only its company and admins.</summary>
public sealed record GetPosting(Guid Id) : IQuery<Result<PostingDto>>;

public sealed class GetPostingHandler(IPostingRepository postings, PostingAccess access, SkillCatalog skills) : IQueryHandler<GetPosting, Result<PostingDto>>
{
    public async ValueTask<Result<PostingDto>> Handle(GetPosting query, CancellationToken cancellationToken)
    {
        var posting = await postings.FindAsync(query.Id, cancellationToken);
        if (posting is null || (!posting.IsPublic && !await access.CanManageAsync(posting, cancellationToken)))
        {
            return Error.NotFound("posting", query.Id);
        }

        return PostingDto.From(posting, skills);
    }
}

/// <summary>
/// What /Jobs/{id} shows a visitor: the posting, what they may do with it, and for a signed-in job seeker how they match it
/// (null for everyone else, and while matching does not know their profile or the posting yet).
/// </summary>
public sealed record PostingPageDto(PostingDto Posting, bool CanManage, bool CanReport, bool HasReported, bool IsOpen, PostingMatchDto? Match = null)
{
    public bool IsSeeker { get; init; }
}

public sealed record GetPostingPage(Guid Id) : IQuery<Result<PostingPageDto>>;

public sealed class GetPostingPageHandler(
    IPostingRepository postings,
    IReportRepository reports,
    PostingAccess access,
    SkillCatalog skills,
    IMatchingFacade matching,
    ICurrentUser currentUser) : IQueryHandler<GetPostingPage, Result<PostingPageDto>>
{
    public async ValueTask<Result<PostingPageDto>> Handle(GetPostingPage query, CancellationToken cancellationToken)
    {
        var posting = await postings.FindAsync(query.Id, cancellationToken);
        if (posting is null)
        {
            return Error.NotFound("posting", query.Id);
        }

        var canManage = await access.CanManageAsync(posting, cancellationToken);
        if (!posting.IsPublic && !canManage)
        {
            return Error.NotFound("posting", query.Id);
        }

        var isOpen = posting.Status == Domain.Postings.PostingStatus.Published;
        var hasReported = currentUser.UserId is { } userId && await reports.HasOpenReportAsync(posting.Id, userId, cancellationToken);
        // A seeker's profile id is their user id.
        var isSeeker = currentUser.UserId is not null && currentUser.IsInRole(Roles.JobSeeker);
        var match = isSeeker && await matching.ExplainAsync(currentUser.UserId!.Value, posting.Id, cancellationToken) is { } explained
            ? PostingMatchDto.From(explained)
            : null;
        return new PostingPageDto(PostingDto.From(posting, skills), canManage, currentUser.IsAuthenticated && !canManage && isOpen, hasReported, isOpen, match)
        {
            IsSeeker = isSeeker,
        };
    }
}
