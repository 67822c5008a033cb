using FluentValidation;
using Marketplace.BuildingBlocks.Application;
using Marketplace.BuildingBlocks.Domain;
using Marketplace.Matching.Contracts;
using Mediator;

namespace Marketplace.Matching.Application.Matches;

/// <summary>The signed-in seeker's best postings, a page at a time.</summary>
public sealed record ListMyMatches(int Page = 1, int PageSize = 20) : IQuery<Result<RankedPage<ProfileMatchView>>>;

public sealed class ListMyMatchesValidator : AbstractValidator<ListMyMatches>
{
    public ListMyMatchesValidator()
    {
        RuleFor(q => q.Page).ValidPage();
        RuleFor(q => q.PageSize).ValidPageSize();
    }
}

public sealed class ListMyMatchesHandler(IMatchingFacade matching, ICurrentUser user) : IQueryHandler<ListMyMatches, Result<RankedPage<ProfileMatchView>>>
{
    public async ValueTask<Result<RankedPage<ProfileMatchView>>> Handle(ListMyMatches query, CancellationToken cancellationToken)
    {
        // A seeker's profile id is their user id.
        if (user.UserId is not { } me || !user.IsInRole(Roles.JobSeeker)) return Result<RankedPage<ProfileMatchView>>.Failure(Error.Forbidden("Matches are for job seekers."));
        return Result.Success(await matching.MatchesOfProfileAsync(me, query.Page, query.PageSize, cancellationToken));
    }
}

/// <summary>How the signed-in seeker matches one posting, whole, with the gaps that keep the score down.</summary>
public sealed record ExplainMyMatch(Guid PostingId) : IQuery<Result<MyMatchDto>>;

public sealed record MyMatchDto(ExplainedMatch Match, IReadOnlyList<SkillGapView> Gaps);

public sealed class ExplainMyMatchHandler(IMatchingFacade matching, ICurrentUser user) : IQueryHandler<ExplainMyMatch, Result<MyMatchDto>>
{
    public async ValueTask<Result<MyMatchDto>> Handle(ExplainMyMatch query, CancellationToken cancellationToken)
    {
        if (user.UserId is not { } me || !user.IsInRole(Roles.JobSeeker)) return Result<MyMatchDto>.Failure(Error.Forbidden("Matches are for job seekers."));
        var match = await matching.ExplainAsync(me, query.PostingId, cancellationToken);
        var gaps = await matching.GapsAsync(me, query.PostingId, cancellationToken);
        return match is null || gaps is null
            ? Result<MyMatchDto>.Failure(Error.NotFound("match", query.PostingId))
            : Result.Success(new MyMatchDto(match, gaps));
    }
}
