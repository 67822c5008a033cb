using Marketplace.BuildingBlocks.Application;
using Marketplace.BuildingBlocks.Domain;
using Mediator;

namespace Marketplace.Jobs.Application.Postings.List;

/// <summary>How many people applied to each posting (withdrawn applications left out), for the employer's list.</summary>
public interface IApplicantCounts
{
    Task<IReadOnlyDictionary<Guid, int>> CountAsync(IReadOnlyCollection<Guid> postingIds, CancellationToken cancellationToken);
}

public sealed record ManagedPostingDto(
    Guid Id,
    int Version,
    string Title,
    string Status,
    string? ClosingReason,
    string? HoldReason,
    string WorkMode,
    string Seniority,
    DateTimeOffset UpdatedAt,
    DateTimeOffset? PublishedAt,
    DateTimeOffset? ExpiresAt,
    int Applicants,
    bool CanPublish,
    bool CanRenew,
    bool CanClose);

public sealed record ManagedPostingsDto(string? CompanyName, IReadOnlyList<ManagedPostingDto> Postings);

/// <summary>The postings the current employer manages: all of their company's (every member shares them), in every status.</summary>
public sealed record ListManagedPostings : IQuery<Result<ManagedPostingsDto>>;

public sealed class ListManagedPostingsHandler(
    IPostingRepository postings,
    PostingAccess access,
    IApplicantCounts applicants,
    ICurrentUser currentUser) : IQueryHandler<ListManagedPostings, Result<ManagedPostingsDto>>
{
    public async ValueTask<Result<ManagedPostingsDto>> Handle(ListManagedPostings query, CancellationToken cancellationToken)
    {
        if (currentUser.UserId is not { } userId)
        {
            return Error.Forbidden();
        }

        var company = await access.CurrentCompanyAsync(cancellationToken);
        var list = await postings.ListManagedAsync(company?.Id, userId, cancellationToken);
        var counts = await applicants.CountAsync([.. list.Select(p => p.Id)], cancellationToken);
        return new ManagedPostingsDto(company?.Name, [.. list.Select(p => new ManagedPostingDto(
            p.Id,
            p.Revision,
            p.Title,
            p.Status.ToString(),
            p.ClosingReason?.ToString(),
            p.HoldReason,
            p.WorkMode.ToString(),
            p.Seniority.ToString(),
            p.UpdatedAt,
            p.PublishedAt,
            p.ExpiresAt,
            counts.GetValueOrDefault(p.Id),
            p.CanBePublished,
            p.CanBeRenewed,
            p.CanBeClosed))]);
    }
}
