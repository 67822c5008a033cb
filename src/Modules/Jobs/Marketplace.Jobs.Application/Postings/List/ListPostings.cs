using FluentValidation;
using Marketplace.BuildingBlocks.Application;
using Marketplace.BuildingBlocks.Domain;
using Marketplace.Jobs.Application.Skills;
using Mediator;

namespace Marketplace.Jobs.Application.Postings.List;

/// <summary>The newest published postings first, optionally of one company.</summary>
public sealed record ListPostings(string? Company, int Page = 1, int PageSize = 20) : IQuery<Result<IReadOnlyList<PostingDto>>>;

public sealed class ListPostingsValidator : AbstractValidator<ListPostings>
{
    public ListPostingsValidator()
    {
        RuleFor(q => q.Page).ValidPage();
        RuleFor(q => q.PageSize).ValidPageSize();
        RuleFor(q => q.Company).MaximumLength(200);
    }
}

public sealed class ListPostingsHandler(IPostingRepository postings, SkillCatalog skills) : IQueryHandler<ListPostings, Result<IReadOnlyList<PostingDto>>>
{
    public async ValueTask<Result<IReadOnlyList<PostingDto>>> Handle(ListPostings query, CancellationToken cancellationToken)
    {
        var page = await postings.ListPublishedAsync(query.Company?.Trim(), Paging.Offset(query.Page, query.PageSize), query.PageSize, cancellationToken);
        return Result.Success<IReadOnlyList<PostingDto>>([.. page.Select(p => PostingDto.From(p, skills))]);
    }
}
