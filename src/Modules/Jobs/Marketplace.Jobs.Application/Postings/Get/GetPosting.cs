using Marketplace.BuildingBlocks.Domain;
using Mediator;

namespace Marketplace.Jobs.Application.Postings.Get;

public sealed record GetPosting(Guid Id) : IQuery<Result<PostingDto>>;

public sealed class GetPostingHandler(IPostingRepository postings) : IQueryHandler<GetPosting, Result<PostingDto>>
{
    public async ValueTask<Result<PostingDto>> Handle(GetPosting query, CancellationToken cancellationToken) =>
        await postings.FindAsync(query.Id, cancellationToken) is { } posting
            ? PostingDto.From(posting)
            : Error.NotFound("posting", query.Id);
}
